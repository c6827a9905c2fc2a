// Schema migration 8: undelivered events per webhook and hour, kept by triggers, so health never reads the log.
#pragma once

#include <QStringList>

namespace UndeliveredCounts {

// The statements of the migration (portable SQL with migrations.cpp's ${...} words): the table of undelivered
// messages, the hourly counts' new column and an index that holds the counts, their backfill from the attempts
// already logged, and the triggers.
QStringList migrationStatements();

} // namespace UndeliveredCounts
