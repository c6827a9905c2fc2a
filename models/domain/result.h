// One way to say that something failed: a code that callers branch on, and a translated message for people.
#pragma once

#include "models/domain/fielderror.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

// What kind of failure it was. Callers branch on the code; the message is for the person who asked.
enum class ErrorCode {
    NotFound,    // what was asked for does not exist (here): a deleted webhook, a secret this keychain lacks
    Conflict,    // it exists but disagrees: a different secret than the one set, a number taken meanwhile
    Invalid,     // the input or the configuration cannot work as it is: fix it, then try again
    Forbidden,   // the caller may not do this
    Unavailable, // a service did not answer or refused for its own reasons: the database, the keychain
    Cancelled,   // the caller stopped it
};

struct Failure
{
    Failure() = default;
    Failure(ErrorCode code, QString message, QList<FieldError> fieldErrors = {})
        : code(code), message(std::move(message)), fieldErrors(std::move(fieldErrors))
    {
    }

    ErrorCode code = ErrorCode::Unavailable;
    QString message;
    QList<FieldError> fieldErrors;  // for Invalid input: which fields, each with its own message
};

// A value or the error that prevented it.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Failure failure) : m_failure(std::move(failure)) {}
    static Result failure(ErrorCode code, const QString &message) { return Result(Failure{code, message}); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    T &operator*() & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

    // Meaningful only when !ok().
    const Failure &failure() const { return m_failure; }
    ErrorCode code() const { return m_failure.code; }
    const QString &message() const { return m_failure.message; }
    const QList<FieldError> &fieldErrors() const { return m_failure.fieldErrors; }

private:
    std::optional<T> m_value;
    Failure m_failure;
};

// Success without a value, or the error.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Failure failure) : m_failed(true), m_failure(std::move(failure)) {}
    static Result failure(ErrorCode code, const QString &message) { return Result(Failure{code, message}); }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Failure &failure() const { return m_failure; }
    ErrorCode code() const { return m_failure.code; }
    const QString &message() const { return m_failure.message; }
    const QList<FieldError> &fieldErrors() const { return m_failure.fieldErrors; }

private:
    bool m_failed = false;
    Failure m_failure;
};
