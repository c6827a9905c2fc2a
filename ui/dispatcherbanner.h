// The delivery engine's state where everyone sees it: a line in the status bar (who dispatches, what waits) and
// a red banner over the window when nobody delivers.
#pragma once

#include "models/storage/databaseworker.h"
#include "models/storage/dispatcherregistry.h"

#include <QFrame>

#include <optional>

class QLabel;
class QTimer;

class DispatcherBanner : public QFrame
{
    Q_OBJECT
public:
    static constexpr int PollMs = 10000;

    // Reads on worker, at once and every PollMs; statusLabel() is for the window's status bar.
    DispatcherBanner(const DatabaseWorker &worker, QWidget *parent = nullptr);

    QLabel *statusLabel() const { return m_status; }
    // Reads again now (a read in flight is not doubled).
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void display(const DispatchOverview &overview, const QDateTime &now);
    void retranslate();

    DatabaseWorker m_worker;
    QLabel *m_text;
    QLabel *m_status;
    QTimer *m_poll;
    bool m_reading = false;
    std::optional<std::pair<DispatchOverview, QDateTime>> m_last; // the last overview read, and when
    QString m_readError;
};
