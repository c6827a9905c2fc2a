// Answering modal dialogs (message boxes, confirmations) from widget tests.
#pragma once

#include <QApplication>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

// Calls handler with the next modal widget other than `except` as soon as it is shown, from the event loop.
// A test that expects no dialog deletes the returned watcher, so that it cannot answer a later test's dialog.
inline QPointer<QTimer> whenModalAppears(std::function<void(QWidget *)> handler, QWidget *except = nullptr)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, handler, except] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal == except || !modal->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        handler(modal);
    });
    timer->start();
    return timer;
}
