// Running the real executable as an administrator does: no display, a neutral locale, a terminal's streams.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

class QProcess;

struct CommandRun
{
    int exitCode = -1;    // -1: crashed, or did not finish within a minute
    QString out;          // standard output as text
    QByteArray outBytes;  // standard output byte for byte
    QString err;
};

// Runs the executable named by GOREPORTER_EXECUTABLE with arguments and input on its standard input, without a
// display and in the C.UTF-8 locale, with environment set on top. Waits in this process's event loop, so that
// receivers the test serves can answer the executable meanwhile.
// Sets process up to run the executable so, without starting it: for a test that must stop it midway.
void prepareCommand(QProcess &process, const QStringList &arguments, const QMap<QString, QString> &environment = {});

CommandRun runCommand(const QStringList &arguments, const QByteArray &input = {},
                      const QMap<QString, QString> &environment = {});
