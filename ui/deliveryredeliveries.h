// Redelivery from the deliveries tab: one attempt (asking first where a copy needs a yes), or every failed event.
#pragma once

#include "models/storage/databaseurl.h"
#include "models/storage/deliveryfilter.h"
#include "models/storage/deliverylog.h"
#include "network/delivery/redelivery.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class DeliveryLogTask;
class DeliveryTaskPanel;
class QWidget;

// Questions are window-modal message boxes on dialogParent, opened without exec(), so the tab goes on updating.
// The search for failed events and the batch that redelivers them are the panel's task while they run.
class DeliveryRedeliveries : public QObject
{
    Q_OBJECT
public:
    DeliveryRedeliveries(const RedeliveryServices &services, const DatabaseUrl &url, const QString &password,
                         double maxPerSecond, DeliveryTaskPanel *panel, QWidget *dialogParent);
    ~DeliveryRedeliveries() override;

    // Whether one attempt is on its way.
    bool isRedelivering() const { return m_redelivery != nullptr; }
    // Redelivers the attempt shown; a delivered one only after a yes.
    void redeliver(const DeliveryListRow &shown);
    // Finds the failed events of filter, asks with their count, then redelivers them at a bounded rate.
    void redeliverAllFailed(const DeliveryFilter &filter);
    // Stops the search or the batch after the step in hand.
    void cancel();

signals:
    void message(const QString &text, bool problem);
    void busyChanged();
    // A redelivery was recorded as the attempt id (a new row of the log).
    void attemptRecorded(qint64 id, qint64 startedAtMs);
    // Attempts were added to the log by the batch.
    void attemptsAdded();
    void redeliveryFinished(const RedeliveryOutcome &outcome);
    // The question before a redelivery was answered no: nothing was sent.
    void redeliveryDeclined(qint64 id);
    void bulkRedeliveryStarted(int count);
    void bulkRedeliveryFinished(const RedeliveryProgress &progress);

private:
    // what: the attempt as people know it ("Attempt 2 of event …"), for the messages.
    void start(qint64 id, bool allowInactive, const QString &what);
    void decline(qint64 id, const QString &what);
    void ask(const QString &objectName, const QString &title, const QString &text, const QString &acceptText,
             const std::function<void(bool)> &answered);
    void confirmBulk(const QList<qint64> &ids);
    void startBulk(const QList<qint64> &ids);

    RedeliveryServices m_services;
    DatabaseUrl m_url;
    QString m_password;
    double m_maxPerSecond;
    DeliveryTaskPanel *m_panel;
    QWidget *m_dialogParent;
    QString m_lastMessage;
    std::unique_ptr<DeliveryLogTask> m_search;
    QPointer<RedeliveryTask> m_redelivery;
    QPointer<BulkRedelivery> m_bulk;
};
