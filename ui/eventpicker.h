// Subscribed events, grouped by category (Report, Battery, Task) with each event's description.
#pragma once

#include "models/domain/webhook.h"

#include <QStringList>
#include <QTreeWidget>

class EventPicker : public QTreeWidget
{
    Q_OBJECT
public:
    explicit EventPicker(QWidget *parent = nullptr);

    QStringList checkedEvents() const;
    void setCheckedEvents(const QStringList &events);
    // Events a kind cannot carry are greyed out, with the reason in their tooltip; their check marks stay so
    // that the validator can name them instead of the picker dropping them silently.
    void setKind(WebhookKind kind);
    QTreeWidgetItem *itemForEvent(const QString &name) const;

signals:
    void eventsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void populate();
    void retranslate();

    WebhookKind m_kind = WebhookKind::Generic;
    bool m_updating = false;
};
