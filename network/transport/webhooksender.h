// Sends one webhook request asynchronously: HTTPS, SSRF-checked pinned address, timeouts, bounded body, diagnosis.
#pragma once

#include "network/transport/deliveryresult.h"
#include "network/transport/epicauth.h"
#include "network/transport/ssrfguard.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkReply;
class WebhookSender;

// One delivery in progress. It belongs to its sender, and deletes itself after emitting finished().
class DeliveryJob : public QObject
{
    Q_OBJECT
public:
    enum class Stage { Resolving, Authenticating, Sending, Finished };
    Q_ENUM(Stage)

    ~DeliveryJob() override;

    void cancel();
    Stage stage() const { return m_stage; }
    const DeliveryResult &result() const { return m_result; }

signals:
    void stageChanged(DeliveryJob::Stage stage);
    void finished(const DeliveryResult &result);

private:
    friend class WebhookSender;
    DeliveryJob(WebhookSender *sender, DeliveryRequest request);

    struct Exchange;
    void start();
    void requestToken();
    // What start() does once the CA bundle, if any, has been read.
    void startWithCertificates();
    // Fails the job unless url is a valid https URL (http only to loopback when allowed); what names it.
    bool checkUrl(const QUrl &url, const QString &what);
    void sendMain(const QByteArray &bearerToken);
    void startExchange(const QUrl &url, const QByteArray &method, const ByteHeaders &headers, const QByteArray &body,
                       std::function<void()> done);
    void resolved(const QList<QHostAddress> &addresses, const QString &lookupError);
    void connectTo(qsizetype candidate);
    void readBody();
    void replyFinished();
    void timedOut(DeliveryResult::Error why);
    void fail(DeliveryResult::Error error, const QString &text, const QString &diagnosis = {});
    void finish();
    void setStage(Stage stage);

    QPointer<WebhookSender> m_sender;
    DeliveryRequest m_request;
    DeliveryResult m_result;
    Stage m_stage = Stage::Resolving;
    QTimer m_deadline;
    QTimer m_inactivity;
    std::unique_ptr<Exchange> m_exchange;
    bool m_finished = false;
    bool m_inTokenExchange = false;
    QList<QSslCertificate> m_caCertificates; // the webhook's CA bundle, read once and bounded
};

class WebhookSender : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookSender)
public:
    explicit WebhookSender(QObject *parent = nullptr);
    ~WebhookSender() override;

    // Starts the delivery on the next turn of the event loop: connect to the job's signals right away.
    DeliveryJob *send(const DeliveryRequest &request);

    EpicTokenCache &tokenCache() { return m_tokens; }

    // The manager whose open connections (HTTP keep-alive) a request may reuse: one per trust (the extra CA
    // certificates) and verified name. Qt keys the connections it keeps by scheme, address and port, and every
    // request goes to an address checked for it just before, so a connection is only ever reused for a request
    // to the same checked address, trusted and verified the same way; a new connection is made only to an
    // address that was checked. At most MaxManagers are kept, the least recently used idle ones dropped first.
    // With a proxy, the connections tunnel through it (CONNECT to the address in the request's URL).
    QNetworkAccessManager *connectionsFor(const QList<QSslCertificate> &extraCaCertificates, const QString &peerName,
                                          const QUrl &proxy = {});
    static constexpr int MaxManagers = 64;

    // "goReporter-Webhooks/<version>", sent with every request so that receivers can tell where it came from.
    static QByteArray userAgent();

private:
    struct Connections
    {
        QNetworkAccessManager *manager = nullptr;
        quint64 lastUsed = 0;
    };

    EpicTokenCache m_tokens;
    QHash<QByteArray, Connections> m_connections; // by trust and name
    quint64 m_uses = 0;
};
