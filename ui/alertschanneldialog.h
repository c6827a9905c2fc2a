// Chooses, in one step, the webhook that hears of every webhook's trouble: the operations events (webhook.failing,
// webhook.disabled, webhook.recovered, delivery.exhausted) it subscribes to, and the link every alert carries.
#pragma once

#include "models/domain/webhook.h"
#include "models/storage/databaseworker.h"

#include <QDialog>
#include <QJsonObject>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class WebhookRepository;

class AlertsChannelDialog : public QDialog
{
    Q_OBJECT
public:
    // webhooks: as the console shows them; changes go through repository's background saves, the link through
    // settingsWorker (the dispatch settings, read when the dialog opens).
    AlertsChannelDialog(const QList<Webhook> &webhooks, WebhookRepository &repository, const DatabaseWorker &settingsWorker,
                        QWidget *parent = nullptr);

    static QStringList alertTypes();
    // The webhooks that receive at least one operations event, by name.
    static QList<Webhook> channelsAmong(const QList<Webhook> &webhooks);

    void accept() override;

signals:
    // The change was stored: summary says where alerts now go.
    void changed(const QString &summary);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();
    void fail(const QString &message);
    void finishOne(const QString &failure);
    std::optional<Webhook> chosen() const;

    QList<Webhook> m_webhooks;
    WebhookRepository &m_repository;
    DatabaseWorker m_settingsWorker;
    QJsonObject m_storedAlerts;  // the alerts setting as stored (empty: the defaults)
    bool m_settingsRead = false;
    int m_pending = 0;
    QString m_summary;
    QStringList m_failures;
    QLabel *m_intro;
    QLabel *m_channelLabel;
    QComboBox *m_channel;
    QLabel *m_typesLabel;
    QList<QCheckBox *> m_types;
    QList<QLabel *> m_typeMeanings;
    QLabel *m_linkLabel;
    QLineEdit *m_link;
    QLabel *m_others;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};
