// CPU time spent by delivery-bench and by the PostgreSQL server process of its connection, beside wall-clock time:
// on a shared machine the wall clock includes the waits for a core, the CPU time does not.
#pragma once

#include "models/storage/database.h"

#include <optional>

namespace CpuTime {

// Of this process, in milliseconds.
double ofThisProcess();
// Of the server process serving the connection, in milliseconds (to the 10 ms the kernel counts in): only for
// PostgreSQL on this machine, nullopt otherwise.
std::optional<double> ofServer(Database &database);

} // namespace CpuTime
