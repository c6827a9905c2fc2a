// The durable outbox: events enter once by their id, with one delivery for every webhook subscribed to their type.
#pragma once

#include "models/domain/event.h"
#include "models/domain/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

class Database;

// What adding an event did.
struct AddedEvent
{
    bool stored = false;      // false: an event with that id was there already, and nothing changed
    QDateTime receivedAt;     // when the event with that id entered the outbox (this time or the first time)
    QString storedType;       // the type stored under that id (differs from the one given when the id was reused)
    int queued = 0;           // deliveries for the active subscribed webhooks (the dispatcher may have sent some)
    int skipped = 0;          // subscribed webhooks that were disabled when the event came: replayable later
};

// The contract of intake, on both engines:
//   - The event id is the idempotency key: the same id twice stores one event.
//   - In the same statement, one delivery per webhook subscribed to the type: "pending" (due now) for an active
//     webhook, "skipped" for a disabled one. Each delivery has the message id that every attempt will carry
//     (the Standard Webhooks webhook-id), so receivers can tell a repeat from a new message.
//   - An operations event (webhook.failing, ...) is not delivered to the webhook it is about (data.webhook.id).
//   - On PostgreSQL producers call webhooks_emit(type, event_id, occurred_at, data) (migration 9), which a role may
//     be allowed to execute without any right on the tables; add() calls the same function.
class EventOutbox
{
    Q_DECLARE_TR_FUNCTIONS(EventOutbox)
public:
    explicit EventOutbox(Database &database);

    // event must be valid (Event::fromJson accepts its toJson()). Invalid: the database refused it (unknown type,
    // data its type cannot have); Unavailable: the database failed.
    Result<AddedEvent> add(const Event &event);

    // The statements of schema migration 9 (portable SQL with migrations.cpp's ${...} words).
    static QStringList migrationStatements();
    // The fan-out trigger and webhooks_emit as they are now (migration 12 brings them to this), written to replace
    // what is there.
    static QStringList fanOutAndEmitStatements();

private:
    Database &m_database;
};
