// Takes a test database back to an older schema version, so that opening it again runs the later migrations on
// what was written meanwhile, as it would for a log written by an older program.
#pragma once

#include "models/storage/database.h"

#include <QString>

// Undoes the migrations above `version` (each one's tables, columns, indexes and triggers) and deletes their
// records; false with *error set when a statement fails. Knows the undoing of migrations 6 and 8.
bool rewindSchema(Database &database, int version, QString *error);
