// The webhooks table: one row per webhook, refreshed from the repository without resetting the view.
#pragma once

#include "models/webhook.h"

#include <QAbstractTableModel>
#include <QList>

class WebhookRepository;

class WebhookTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, EndpointColumn, EventsColumn, ActiveColumn, ChangedColumn, ColumnCount };
    enum Role {
        WebhookIdRole = Qt::UserRole + 1,
        SortRole,
        KindKeyRole,
    };
    Q_ENUM(Role)

    explicit WebhookTableModel(WebhookRepository *repository, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Re-reads the repository; rows are updated, inserted and removed in place so selection survives.
    bool refresh();
    Webhook webhookAt(int row) const { return m_webhooks.at(row); }
    int rowOfId(const QString &id) const;

signals:
    void errorOccurred(const QString &message);

private:
    WebhookRepository *m_repository;
    QList<Webhook> m_webhooks;
};
