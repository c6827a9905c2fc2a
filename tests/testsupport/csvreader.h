// Reading the CSV the delivery-log export writes, for tests that check its content.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// CSV records as RFC 4180 has them: CRLF between records; quoted cells may hold commas, quotes and line breaks.
QList<QStringList> parseCsv(const QString &text);
