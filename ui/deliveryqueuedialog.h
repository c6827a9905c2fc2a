// One webhook's delivery queue as the dispatcher sees it: queued, retrying (next attempt, attempt k of n), failed
// and missed deliveries, with retry now, cancel the remaining retries, and replay of a time range's failed events.
#pragma once

#include "models/domain/webhook.h"
#include "models/storage/databaseworker.h"
#include "models/storage/dispatchqueue.h"

#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTimer;

class DeliveryQueueDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int RefreshMs = 5000;

    DeliveryQueueDialog(const DatabaseWorker &worker, const Webhook &webhook, QWidget *parent = nullptr);

    // Reads the queue (and the replay range's count) again.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Action { RetryNow, CancelRetries, ReplayFailed, ReplayMissed };
    void act(Action action);
    void countReplayable();
    void showQueue();
    void retranslate();

    DatabaseWorker m_worker;
    Webhook m_webhook;
    WebhookQueue m_queue;
    int m_scheduleAttempts = 0; // attempts the retry schedule allows in all
    bool m_read = false;
    int m_replayable = -1;      // failed deliveries in the range (-1: not counted yet)
    int m_missed = -1;          // deliveries missed while disabled since the range's start (-1: not counted yet)
    bool m_busy = false;
    QLabel *m_summary;
    QLabel *m_retrying;
    QPushButton *m_retryNow;
    QPushButton *m_cancelRetries;
    QLabel *m_rangeLabel;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLabel *m_replayCount;
    QPushButton *m_replay;
    QLabel *m_missedCount;
    QPushButton *m_replayMissed;
    QLabel *m_status;
    QPushButton *m_close;
    QTimer *m_refresh;
};
