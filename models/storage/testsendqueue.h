// Test-sends that a console hands to a running dispatcher, so that a test takes the way real events take: from the
// dispatcher's machine, through its network, proxy and keychain (the test_sends table, schema migration 14).
#pragma once

#include "models/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class Database;

// What a console asks a dispatcher to send.
struct TestSendRequest
{
    QString id;             // UUID without braces, chosen by the console
    QString webhookId;      // empty for a webhook not saved yet: nothing is stored for it (no secret)
    QByteArray webhookConfig; // the webhook as it is to be tested (the editor's state), in the configuration format
    QByteArray eventJson;   // the event document, for Event::fromJson
};

// A test-send a dispatcher took.
struct ClaimedTestSend
{
    TestSendRequest request;
    QString requestedBy;
};

// Where a test-send stands, as the console that asked reads it.
struct TestSendStatus
{
    enum class State { Pending, Sending, Done, Withdrawn };
    State state = State::Pending;
    QString dispatcher;     // the owner (host:pid) that took it
    QByteArray outcome;     // Done: the dispatcher's account of the delivery (DeliveryOutcomeJson)
};

class TestSendQueue
{
    Q_DECLARE_TR_FUNCTIONS(TestSendQueue)
public:
    // Rows older than this are removed by the dispatchers: a console that asked and went away leaves none for long.
    static constexpr qint64 KeptMs = 60 * 60 * 1000;

    static QStringList migrationStatements();

    explicit TestSendQueue(Database &database);

    // The console's side.
    Result<void> request(const TestSendRequest &request, const QDateTime &now);
    Result<TestSendStatus> status(const QString &id) const;
    // Before a dispatcher took it: withdrawn, true. After: asks the dispatcher to stop it, false.
    Result<bool> cancel(const QString &id);
    Result<void> remove(const QString &id);

    // The dispatcher's side. Up to limit pending test-sends, oldest first, become owner's; several dispatchers on
    // PostgreSQL never take the same one.
    Result<QList<ClaimedTestSend>> claim(const QString &owner, int limit);
    // The ids of owner's test-sends whose console asked to stop them.
    Result<QStringList> cancelRequested(const QString &owner) const;
    Result<void> complete(const QString &id, const QString &owner, const QByteArray &outcome, const QDateTime &now);
    // Gives back owner's test-sends that it took and did not send (a dispatcher that stops).
    Result<int> releaseAll(const QString &owner);
    Result<int> purge(const QDateTime &now);

private:
    Database &m_database;
};
