// Entry point: a subcommand runs headless; otherwise the graphical console opens.
#include "app/cli.h"
#include "app/startup.h"
#include "models/storage/database.h"
#include "models/secrets/sealedcredentialstore.h"
#include "models/secrets/secretstore.h"
#include "models/storage/deliveryrepository.h"
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "ui/mainwindow.h"
#include "network/transport/webhooksender.h"
#include "ui/passworddialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

namespace {

QStringList argumentList(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

QString optionValue(const QStringList &arguments, const QString &name)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == name && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(name + QLatin1Char('=')))
            return arguments.at(i).mid(name.size() + 1);
    }
    return {};
}

void describeApplication()
{
    QCoreApplication::setOrganizationName(QLatin1String(Startup::organizationName));
    QCoreApplication::setApplicationName(QLatin1String(Startup::applicationName));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
}

int runConsole(QApplication &app)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("database"), QCoreApplication::translate("main", "The database URL."),
                      QCoreApplication::translate("main", "url")});
    parser.addOption({QStringLiteral("lang"), QCoreApplication::translate("main", "The console's language."),
                      QCoreApplication::translate("main", "code")});
    parser.process(app);

    QString error;
    const auto url = Startup::databaseUrl(parser, &error);
    if (!url) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "goReporter Webhooks"), error);
        return 2;
    }
    Database database;
    SecretStore secrets;
    if (!PasswordDialog::login(database, *url, secrets)) {
        if (!database.errorString().isEmpty())
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Cannot open the database"),
                                  database.errorString());
        return 1;
    }
    WebhookRepository repository(database);
    const DatabaseWorker worker(*url, database.password());
    SealedCredentialStore credentials(worker, MachineKeyStore::fromEnvironment(secrets));
    WebhookSecrets webhookSecrets(credentials, repository);
    WebhookSender sender;
    const TestSendServices services{repository, webhookSecrets, credentials, worker, sender};
    MainWindow window(database, services);
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    const QStringList arguments = argumentList(argc, argv);
    const QString lang = optionValue(arguments, QStringLiteral("--lang"));
    const bool headless = !Startup::subcommand(arguments).isEmpty() || arguments.contains(QStringLiteral("--help"))
                          || arguments.contains(QStringLiteral("-h")) || arguments.contains(QStringLiteral("--version"));
    if (headless) {
        QCoreApplication app(argc, argv);
        describeApplication();
        Startup::installTranslations(app, lang);
        return runCommandLine(app.arguments());
    }
    QApplication app(argc, argv);
    describeApplication();
    Startup::installTranslations(app, lang);
    return runConsole(app);
}
