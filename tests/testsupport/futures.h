// Waiting for a window's background work from a widget test.
#pragma once

#include <QFuture>
#include <QTest>

#include <optional>

// The result of future once it has finished, while the event loop runs (continuations on the GUI thread need it);
// nothing if it did not finish within timeoutMs.
template<typename T>
std::optional<T> resultOf(QFuture<T> future, int timeoutMs = 10000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        return std::nullopt;
    return future.result();
}
