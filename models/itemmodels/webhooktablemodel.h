// The webhooks table: one row per webhook, following the repository's changes row by row, never resetting the view.
#pragma once

#include "models/domain/deliveryrecord.h"
#include "models/storage/deliverylog.h"
#include "models/domain/webhook.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>

class WebhookRepository;

class WebhookTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn, KindColumn, EndpointColumn, EventsColumn, ActiveColumn, HealthColumn, Success24hColumn,
        Success7dColumn, LastTriggeredColumn, LastStatusColumn, ChangedColumn, ColumnCount
    };
    enum Role {
        WebhookIdRole = Qt::UserRole + 1,
        SortRole,
        KindKeyRole,
        HealthColourRole,  // WebhookHealthColour as int
    };
    Q_ENUM(Role)

    // deliveryLog: where health comes from; without it the health columns stay empty. The rows follow what
    // repository announces: a saved webhook updates or adds its row, a removed one drops it, a recorded attempt
    // recomputes that webhook's health.
    explicit WebhookTableModel(WebhookRepository *repository, DeliveryLog *deliveryLog = nullptr,
                               QObject *parent = nullptr);
    // Takes effect at the next refresh().
    void setHealthThresholds(const HealthThresholds &thresholds);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Asked before the Active box switches a webhook on or off (a clinical alert channel must not go silent with
    // one stray click); false leaves it as it is. Without a guard every switch goes through.
    using ActivationGuard = std::function<bool(const Webhook &webhook, bool active)>;
    void setActivationGuard(ActivationGuard guard) { m_activationGuard = std::move(guard); }

    // Re-reads the repository; rows are updated, inserted and removed in place so selection survives.
    bool refresh();
    // Re-reads only the webhooks whose stored version differs from the row's (changed by another program) and
    // drops the rows of webhooks deleted meanwhile; health is recomputed for those webhooks only.
    bool refreshChanged();
    Webhook webhookAt(int row) const { return m_webhooks.at(row); }
    int rowOfId(const QString &id) const;

signals:
    void errorOccurred(const QString &message);
    // A webhook was switched on or off through setData.
    void activeChanged(const Webhook &webhook);

private:
    void showSaved(const Webhook &webhook);
    void showRemoved(const QString &id);
    void showAttempt(const DeliveryRecord &record);
    void removeRow(int row);
    bool refreshHealth();
    // Recomputes the health of the webhook with id alone; false (after errorOccurred) if the log was unreadable.
    bool refreshHealthOf(const QString &id);
    static QString healthReason(const WebhookHealth &health);
    QVariant healthData(const WebhookHealth &health, int column, int role) const;

    ActivationGuard m_activationGuard;
    WebhookRepository *m_repository;
    DeliveryLog *m_deliveryLog;
    HealthThresholds m_thresholds;
    QList<Webhook> m_webhooks;
    QHash<QString, WebhookHealth> m_health;
};
