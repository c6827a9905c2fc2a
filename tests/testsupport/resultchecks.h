// Checks of a Result in a Qt Test function: on failure the result's own message is the test's message.
#pragma once

#include <QTest>

// Fails the test function unless expression gives a Result that is ok().
#define QVERIFY_OK(expression)                                                                                        \
    do {                                                                                                              \
        const auto result_ = (expression);                                                                            \
        QVERIFY2(result_.ok(), qPrintable(result_.message()));                                                        \
    } while (false)
