// Writers of the delivery log working at once, as dispatchers on several workstations do: each in a thread of its
// own, on a connection of its own.
#pragma once

#include "models/storage/databaseurl.h"
#include "models/storage/deliveryrepository.h"

#include <QString>

#include <functional>

// Runs work(repository, which) for which = 0 .. writers - 1 in as many threads at once, and waits for all of them.
// work returns what went wrong, empty when nothing did; the result is everything that went wrong.
QString runConcurrentWriters(const DatabaseUrl &url, const QString &password, int writers,
                             const std::function<QString(DeliveryRepository &repository, int which)> &work);
