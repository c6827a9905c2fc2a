// Checks of a Result in a Qt Test function: on failure the result's own message is the test's message.
#pragma once

#include "models/domain/result.h"

#include <QMetaType>
#include <QTest>
#include <QVariant>

// Fails the test function unless expression gives a Result that is ok().
#define QVERIFY_OK(expression)                                                                                        \
    do {                                                                                                              \
        const auto result_ = (expression);                                                                            \
        QVERIFY2(result_.ok(), qPrintable(result_.message()));                                                        \
    } while (false)

// The Result<T> a signal carried, as a QSignalSpy holds it. QVariant::value() cannot make one: it starts from a
// default-constructed value, and a Result is always a value or a failure.
template<typename T>
Result<T> resultArgument(const QVariant &argument)
{
    if (argument.metaType() != QMetaType::fromType<Result<T>>())
        qFatal("The signal argument is a %s, not the Result asked for", argument.metaType().name());
    return *static_cast<const Result<T> *>(argument.constData());
}
