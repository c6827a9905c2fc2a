#include "testsupport/commandrunner.h"

#include <QProcess>
#include <QSignalSpy>

void prepareCommand(QProcess &process, const QStringList &arguments, const QMap<QString, QString> &environment)
{
    process.setProgram(qEnvironmentVariable("GOREPORTER_EXECUTABLE"));
    process.setArguments(arguments);
    QProcessEnvironment processEnvironment = QProcessEnvironment::systemEnvironment();
    // A subcommand needs no display, and its messages must not depend on the machine's language.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        processEnvironment.remove(QString::fromLatin1(name));
    processEnvironment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (auto it = environment.begin(); it != environment.end(); ++it)
        processEnvironment.insert(it.key(), it.value());
    process.setProcessEnvironment(processEnvironment);
}

CommandRun runCommand(const QStringList &arguments, const QByteArray &input, const QMap<QString, QString> &environment)
{
    QProcess process;
    prepareCommand(process, arguments, environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start();
    if (!process.waitForStarted()) {
        qWarning("cannot start %s: %s", qPrintable(process.program()), qPrintable(process.errorString()));
        return {};
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (finished.isEmpty() && !finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    CommandRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.outBytes = process.readAllStandardOutput();
    run.out = QString::fromUtf8(run.outBytes);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
