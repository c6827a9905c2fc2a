// The read side of the delivery log: keyset pages, one attempt in full, webhook health, charts, purge, export.
#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"
#include "models/storage/deliveryfilter.h"
#include "models/storage/deliveryhealth.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <compare>
#include <functional>
#include <optional>

class QIODevice;

// The position of an attempt in the log's order: newest first by start time, ties broken by id.
struct DeliveryKey
{
    qint64 startedAtMs = 0;
    qint64 id = 0;
    auto operator<=>(const DeliveryKey &other) const = default;
};

// One attempt as a list shows it: everything but headers and bodies.
struct DeliveryListRow
{
    qint64 id = 0;
    qint64 startedAtMs = 0;
    QString webhookId;              // empty when the webhook was deleted since
    QString webhookName;
    QString eventType;
    QString eventId;
    int attempt = 1;
    QString trigger;                // "test", "event", "redeliver"
    std::optional<int> responseStatus;
    bool success = false;
    std::optional<qint64> durationMs;
    QString error;
    bool finished = true;           // false while the attempt has no outcome recorded (finished_at NULL)

    DeliveryKey key() const { return {startedAtMs, id}; }
    QDateTime startedAt() const { return QDateTime::fromMSecsSinceEpoch(startedAtMs, Qt::UTC); }
    bool operator==(const DeliveryListRow &other) const = default;
};

using DeliveryHeaders = QList<QPair<QString, QString>>;

// One attempt in full, for the detail pane.
struct DeliveryDetail
{
    DeliveryListRow row;
    QString messageId;              // the webhook-id header, shared by every attempt of one message
    QString requestMethod;
    QString requestUrl;
    DeliveryHeaders requestHeaders;  // secret values redacted
    QByteArray requestBody;
    DeliveryHeaders responseHeaders; // secret values redacted
    QByteArray responseBody;
    std::optional<qint64> responseSize;
    std::optional<qint64> finishedAtMs;
    QString headersProblem;          // set when stored headers could not be read; the rest is still shown
};

// A stored body as it can be shown: bodies are bytes from the wire and may be anything.
struct DeliveryBodyText
{
    enum class Kind { Empty, Json, Text, Binary };
    Kind kind = Kind::Empty;
    QString text;    // pretty-printed JSON, the text, or a hex dump of the first bytes of a binary body
    QString note;    // e.g. "not valid UTF-8: 1,024 bytes shown as hexadecimal"
};

namespace DeliveryBodies {
DeliveryBodyText display(const QByteArray &body);
// The body as text when it is UTF-8 without NUL bytes.
std::optional<QString> utf8Text(const QByteArray &bytes);
} // namespace DeliveryBodies

namespace DeliveryErrors {
// The log keeps "<key>: <text>" (key for filters and diagnosis, e.g. "http-5xx"); the text is in the language of
// whoever sent the attempt, so views lead with label(), which is in the reader's language.
QString readable(const QString &storedError);
QString key(const QString &storedError);
// A short summary of the error in the reader's language; the recorded text for a key it does not know.
QString label(const QString &storedError, const std::optional<int> &status = std::nullopt);
} // namespace DeliveryErrors

// One hour of one webhook's chart.
struct DeliveryHourBucket
{
    qint64 hourStartMs = 0;
    int successes = 0;
    int failures = 0;
    std::optional<qint64> latencyP50Ms;  // nearest-rank percentiles over the attempts that have a duration
    std::optional<qint64> latencyP95Ms;
};

// A filter turned into SQL once, with webhook names resolved and "last 24 h" fixed to one instant, so every
// page of a listing sees the same rows. maxId pins the listing to the attempts recorded when it started.
struct DeliverySelection
{
    QString where;
    QVariantList values;
    std::optional<qint64> maxId;
};

class DeliveryLog
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryLog)
public:
    explicit DeliveryLog(Database &database);

    // Resolves the filter's webhook (an id, or a name ignoring case; a name no webhook has any more selects
    // the attempts kept under that name) and fixes its time range at now.
    Result<DeliverySelection> select(const DeliveryFilter &filter, const QDateTime &now) const;

    // Largest attempt id now, 0 for an empty log: what DeliverySelection::maxId pins to.
    Result<qint64> maxId() const;

    enum class Direction { Older, Newer };
    // Up to limit rows next to anchor in Direction (without an anchor: from the newest resp. the oldest end),
    // skipping `skip` rows first, always returned newest first. Keyset pagination on (started_at, id): the
    // cost depends on limit + skip, not on how deep in the log the anchor is.
    Result<QList<DeliveryListRow>> page(const DeliverySelection &selection, Direction direction,
                                        const std::optional<DeliveryKey> &anchor, int limit, qint64 skip = 0) const;
    Result<QList<DeliveryListRow>> firstPage(const DeliverySelection &s, int limit) const
    { return page(s, Direction::Older, std::nullopt, limit); }
    Result<QList<DeliveryListRow>> lastPage(const DeliverySelection &s, int limit) const
    { return page(s, Direction::Newer, std::nullopt, limit); }
    Result<QList<DeliveryListRow>> pageAfter(const DeliverySelection &s, const DeliveryKey &key, int limit) const
    { return page(s, Direction::Older, key, limit); }
    Result<QList<DeliveryListRow>> pageBefore(const DeliverySelection &s, const DeliveryKey &key, int limit) const
    { return page(s, Direction::Newer, key, limit); }

    Result<qint64> count(const DeliverySelection &selection) const;
    // What count() will say, roughly, in a few milliseconds at any size of the log: the planner's estimate on
    // PostgreSQL; on SQLite the id range, scaled by the share of a sample of it that the filter selects.
    // A failure is the database's; an ok empty optional means no estimate can be made because the filter selects
    // too little of the sample to estimate from (its count is quick then anyway).
    Result<std::optional<qint64>> estimateCount(const DeliverySelection &selection) const;
    // How many selected attempts come before key in the log's order (are newer): the row index of key.
    Result<qint64> countNewerThan(const DeliverySelection &selection, const DeliveryKey &key) const;
    // Selected attempts with afterId < id <= upToId, newest first, at most limit: what arrived since a listing.
    Result<QList<DeliveryListRow>> recordedBetween(const DeliverySelection &selection, qint64 afterId, qint64 upToId,
                                                   int limit) const;

    // The attempts among ids that are still in the log, in no particular order: listed rows read again.
    Result<QList<DeliveryListRow>> rowsWithIds(const QList<qint64> &ids) const;

    // NotFound when no attempt has that id (never recorded, or purged since).
    Result<DeliveryDetail> detail(qint64 id) const;
    // Every attempt of one event, oldest first; with webhookId, only those to that webhook.
    Result<QList<DeliveryListRow>> timeline(const QString &eventId, const QString &webhookId = {}) const;

    // "Redeliver all failed in this filter": for every message with an attempt in the filter whose newest
    // attempt (in or out of the filter) failed, the id of that newest attempt, newest first. A message that
    // was delivered on a later try is not repeated, and a message is repeated once however often it failed.
    // Real events only: test sends are never picked, nor an event that some attempt delivered to the webhook.
    // The filter's result setting is ignored (only failures are picked). limit: at most this many ids.
    // One statement through the event-id index; on a log of millions with a wide filter it may take a moment,
    // so a view runs it off the GUI thread.
    Result<QList<qint64>> newestFailedAttempts(const DeliveryFilter &filter, const QDateTime &now,
                                               int limit = 100000) const;

    // Health of every configured webhook, ordered by name (deliveryhealth.cpp): per webhook a fixed number of
    // index probes, at most half an hour of its attempts counted on an index, and its hourly counts, so the
    // cost does not grow with the size of the log.
    Result<QList<WebhookHealth>> health(const HealthThresholds &thresholds, const QDateTime &now) const;
    // The same for one webhook alone, after it changed or was sent to; NotFound if it is not stored.
    Result<WebhookHealth> healthOf(const QString &webhookId, const HealthThresholds &thresholds,
                                   const QDateTime &now) const;

    // Attempts per hour (success and failure) and latency percentiles of one webhook over [from, to), with an
    // empty bucket for every hour without attempts. Counted and ranked by the database, which returns one row per
    // hour with attempts, however many attempts there are.
    Result<QList<DeliveryHourBucket>> hourlyActivity(const QString &webhookId, const QDateTime &from,
                                                     const QDateTime &to) const;

    // What a purge did. A cancelled purge did not fail: it deleted this much before it stopped.
    struct PurgeSummary
    {
        qint64 deleted = 0;
        bool cancelled = false;
    };
    // progress(deletedSoFar, total) is called after every batch; returning false stops after that batch.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Deletes attempts that started more than olderThanDays days before now, batchSize at a time, each batch
    // committed on its own so the log stays usable meanwhile; records what was done in the audit log.
    Result<PurgeSummary> purge(int olderThanDays, const QDateTime &now, int batchSize = 5000,
                               const Progress &progress = {});

    enum class ExportFormat { Csv, JsonLines };
    // What an export wrote; a cancelled export wrote these rows before it stopped.
    struct ExportSummary
    {
        qint64 rows = 0;
        bool cancelled = false;
    };
    // Writes every attempt of the filter, newest first, page by page, with secret header values redacted.
    // Bodies that are not UTF-8 are written as base64 ("base64:" prefix in CSV, *_base64 keys in JSON Lines).
    Result<ExportSummary> exportTo(const DeliveryFilter &filter, const QDateTime &now, ExportFormat format,
                                   QIODevice *out, const Progress &progress = {}, int pageSize = 500) const;

private:
    // Health of every webhook, or of the one with onlyWebhookId.
    Result<QList<WebhookHealth>> healthWhere(const QString &onlyWebhookId, const HealthThresholds &thresholds,
                                             const QDateTime &now) const;

    Database &m_database;
};
