// Reads of the delivery log that cannot finish by themselves, for tests of cancelling them.
#pragma once

#include "models/storage/database.h"

#include <memory>

// After block(), every read of the deliveries table hangs until it is cancelled. PostgreSQL: a connection of its
// own holds an ACCESS EXCLUSIVE lock on the table, in an open transaction, until release() or destruction.
// SQLite, whose readers never wait for a lock (WAL): the table is replaced, for good, by a view over a recursive
// query of 10^15 rows, which no read gets through.
class BlockedDeliveryLog
{
public:
    ~BlockedDeliveryLog();
    bool block(const DatabaseUrl &url, QString *error);
    // PostgreSQL: the lock is still held, so whatever ended meanwhile did not get through. SQLite: always.
    bool isHeld() const;
    void release();
    // PostgreSQL: whether server process pid waits for the lock (a read stuck where it should be).
    bool isWaiting(qint64 pid) const;

private:
    std::unique_ptr<Database> m_holder;
};
