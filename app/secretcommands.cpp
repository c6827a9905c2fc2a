// The "secret" and "epic keygen" commands: key material goes to the sealed store, never to arguments or logs.
#include "app/secretcommands.h"
#include "models/secrets/epickeygeneration.h"
#include "models/secrets/signingsecret.h"

#include "app/commandsupport.h"
#include "models/storage/webhookrepository.h"
#include "models/secrets/webhooksecrets.h"
#include "network/transport/epicauth.h"
#include "network/transport/standardwebhooks.h"
#include "network/transport/webhookdelivery.h"

#include <QEventLoop>
#include <QLocale>

#include <cstdio>

#include <termios.h>
#include <unistd.h>

namespace {

// Far more than any Standard Webhooks secret ("whsec_" and 88 base64 characters at most): anything longer is
// not a secret but a mistake, such as the wrong file piped in.
constexpr qsizetype MaxSecretInputBytes = 1024;

// Hides what is typed or pasted at a terminal, so the secret does not stay on the screen.
class TerminalEchoOff
{
public:
    TerminalEchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
    }
    ~TerminalEchoOff()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }
    TerminalEchoOff(const TerminalEchoOff &) = delete;
    TerminalEchoOff &operator=(const TerminalEchoOff &) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

class SecretCommand
{
    Q_DECLARE_TR_FUNCTIONS(SecretCommand)
public:
    int run(const QStringList &arguments);

private:
    std::optional<QString> readSecret();
    int set(WebhookSecrets &secrets, Webhook &webhook);
    int generate(WebhookSecrets &secrets, Webhook &webhook);
    int rotate(WebhookSecrets &secrets, Webhook &webhook, int graceHours);
    int remove(WebhookSecrets &secrets, Webhook &webhook);

    CommandSupport m_support{QStringLiteral("secret")};
};

std::optional<QString> SecretCommand::readSecret()
{
    QByteArray bytes(MaxSecretInputBytes + 1, Qt::Uninitialized);
    qsizetype length = 0;
    if (isatty(STDIN_FILENO) == 1) {
        m_support.err() << tr("Paste the signing secret and press Enter (it is not shown): ");
        m_support.err().flush();
        TerminalEchoOff hidden;
        if (std::fgets(bytes.data(), int(bytes.size()), stdin))
            length = qstrnlen(bytes.constData(), bytes.size());
        m_support.err() << '\n';
    } else {
        length = qsizetype(std::fread(bytes.data(), 1, size_t(bytes.size()), stdin));
    }
    if (std::ferror(stdin)) {
        m_support.fail(tr("Cannot read the secret from standard input."));
        return std::nullopt;
    }
    if (length > MaxSecretInputBytes) {
        m_support.fail(tr("Standard input holds more than %1 bytes, which is not a signing secret; nothing was changed.")
                           .arg(MaxSecretInputBytes));
        return std::nullopt;
    }
    bytes.truncate(length);
    // One trailing line break is how echo, a file or a terminal end the secret; it is not part of it.
    if (bytes.endsWith('\n'))
        bytes.chop(bytes.endsWith("\r\n") ? 2 : 1);
    if (bytes.isEmpty()) {
        m_support.fail(tr("Standard input was empty; give the secret there, for example “%1 secret set --webhook NAME "
                          "< FILE”. Nothing was changed.")
                           .arg(QCoreApplication::applicationName()));
        return std::nullopt;
    }
    for (const char c : std::as_const(bytes)) {
        if (uchar(c) <= 0x20 || uchar(c) == 0x7f) {
            m_support.fail(tr("The secret read from standard input contains spaces, tabs, line breaks or control "
                              "characters; give exactly the secret, on one line. Nothing was changed."));
            return std::nullopt;
        }
    }
    return QString::fromUtf8(bytes);
}

int SecretCommand::set(WebhookSecrets &secrets, Webhook &webhook)
{
    const auto secret = readSecret();
    if (!secret)
        return CommandSupport::Failure;
    const Result<void> result = secrets.setAndWait(webhook, *secret);
    if (!result.ok())
        return m_support.fail(result.message());
    m_support.out() << tr("The signing secret of “%1” is set (fingerprint %2).").arg(webhook.name, webhook.secretFingerprint)
                    << '\n';
    return CommandSupport::Success;
}

int SecretCommand::generate(WebhookSecrets &secrets, Webhook &webhook)
{
    QString error;
    const QString secret = SigningSecret::generate(&error);
    if (secret.isEmpty())
        return m_support.fail(error);
    const bool replacing = !webhook.secretFingerprint.isEmpty();
    const Result<void> result = secrets.setAndWait(webhook, secret);
    if (!result.ok())
        return m_support.fail(result.message());
    // Standard output carries the secret alone, so a script can hand it on; the explanation goes to standard error.
    m_support.out() << secret << '\n';
    m_support.out().flush();
    m_support.err() << tr("This is the new signing secret of “%1” (fingerprint %2); give it to the receiver.")
                           .arg(webhook.name, webhook.secretFingerprint)
                    << '\n';
    if (replacing)
        m_support.err() << tr("The previous secret no longer signs (“secret rotate” keeps it signing for a grace period).")
                        << '\n';
    return CommandSupport::Success;
}

int SecretCommand::rotate(WebhookSecrets &secrets, Webhook &webhook, int graceHours)
{
    QString error;
    const QString secret = SigningSecret::generate(&error);
    if (secret.isEmpty())
        return m_support.fail(error);
    const Result<void> result = secrets.rotateAndWait(webhook, secret, graceHours);
    if (!result.ok())
        return m_support.fail(result.message());
    m_support.out() << secret << '\n';
    m_support.out().flush();
    if (webhook.previousSecretFingerprint.isEmpty()) {
        // Nothing was stored to keep signing with, so the rotation was a plain set.
        m_support.err() << tr("This is the new signing secret of “%1” (fingerprint %2); there was no previous secret "
                              "stored to keep signing with. Give it to the receiver.")
                               .arg(webhook.name, webhook.secretFingerprint)
                        << '\n';
    } else {
        m_support.err() << tr("This is the new signing secret of “%1” (fingerprint %2). The previous one (fingerprint %3) "
                              "keeps signing until %4; give the new secret to the receiver before then.")
                               .arg(webhook.name, webhook.secretFingerprint, webhook.previousSecretFingerprint,
                                    QLocale().toString(webhook.secretGraceUntil.toLocalTime(), QLocale::ShortFormat))
                        << '\n';
    }
    return CommandSupport::Success;
}

int SecretCommand::remove(WebhookSecrets &secrets, Webhook &webhook)
{
    const Result<void> result = secrets.removeAndWait(webhook);
    if (!result.ok())
        return m_support.fail(result.message());
    m_support.out() << (webhook.kind == WebhookKind::Generic
                            ? tr("The signing secret of “%1” is deleted; its requests are sent unsigned from now on.")
                            : tr("The signing secret of “%1” is deleted."))
                           .arg(webhook.name)
                    << '\n';
    return CommandSupport::Success;
}

int SecretCommand::run(const QStringList &arguments)
{
    QCommandLineParser &parser = m_support.parser();
    parser.setApplicationDescription(
        tr("Manages a webhook's Standard Webhooks signing secret, kept in the database sealed for the approved "
           "machines (see “machine list”).\n\n"
           "  secret set --webhook NAME          read the secret from standard input\n"
           "  secret generate --webhook NAME     make a new secret and print it once, for the receiver\n"
           "  secret rotate --webhook NAME [--grace-hours N]\n"
           "                                     make a new secret; the old one keeps signing for N hours\n"
           "  secret delete --webhook NAME       remove the secret; requests are sent unsigned\n\n"
           "A secret is never given on the command line, where other users of this computer could see it."));
    m_support.addCommonOptions();
    parser.addOption({QStringLiteral("webhook"), tr("The webhook, by name."), tr("name")});
    parser.addOption({QStringLiteral("grace-hours"),
                      tr("With rotate: how many hours the old secret keeps signing (default %1).")
                          .arg(WebhookSecrets::defaultGraceHours),
                      tr("hours")});
    parser.addPositionalArgument(QStringLiteral("secret"), tr("The command and its action."),
                                 QStringLiteral("secret set|generate|rotate|delete"));
    int exitCode = CommandSupport::Success;
    const auto words = m_support.parse(arguments, &exitCode);
    if (!words)
        return exitCode;

    // Words are never repeated in messages here: a secret typed by mistake on the command line would be among them.
    const QString action = words->value(0);
    const QStringList actions = {QStringLiteral("set"), QStringLiteral("generate"), QStringLiteral("rotate"),
                                 QStringLiteral("delete")};
    if (!actions.contains(action))
        return m_support.usage(action.isEmpty() ? tr("“secret” needs an action: set, generate, rotate or delete.")
                                                : tr("Unknown action; use set, generate, rotate or delete."));
    if (words->size() > 1) {
        return m_support.usage(
            action == QLatin1String("set")
                ? tr("The secret is read from standard input, never from the command line, where other users of this "
                     "computer could see it: “%1 secret set --webhook NAME < FILE”. Nothing was changed.")
                      .arg(QCoreApplication::applicationName())
                : tr("“secret %1” takes no further arguments; a secret is never given on the command line.").arg(action));
    }
    if (!parser.isSet(QStringLiteral("webhook")))
        return m_support.usage(tr("--webhook is required."));
    int graceHours = WebhookSecrets::defaultGraceHours;
    if (parser.isSet(QStringLiteral("grace-hours"))) {
        if (action != QLatin1String("rotate"))
            return m_support.usage(tr("--grace-hours goes with “secret rotate”."));
        bool ok = false;
        graceHours = parser.value(QStringLiteral("grace-hours")).toInt(&ok);
        // The same range the secret editor offers: up to two weeks.
        if (!ok || graceHours < 0 || graceHours > 14 * 24)
            return m_support.usage(tr("--grace-hours must be a whole number of hours from 0 to %1.").arg(14 * 24));
    }

    auto webhook = m_support.findWebhook(parser.value(QStringLiteral("webhook")));
    if (!webhook)
        return CommandSupport::Failure;
    if (action != QLatin1String("delete") && webhook->kind != WebhookKind::Generic) {
        return m_support.fail(
            (webhook->kind == WebhookKind::Epic
                 ? tr("“%1” is an Epic webhook, which authenticates with a key pair (“epic keygen”), not a signing secret.")
                 : tr("“%1” is a %2 webhook, which authenticates by its secret URL; only generic webhooks are signed."))
                .arg(webhook->name, WebhookKinds::displayName(webhook->kind)));
    }

    WebhookRepository repository(m_support.database());
    WebhookSecrets secrets(m_support.credentials(), repository);
    if (action == QLatin1String("set"))
        return set(secrets, *webhook);
    if (action == QLatin1String("generate"))
        return generate(secrets, *webhook);
    if (action == QLatin1String("rotate"))
        return rotate(secrets, *webhook, graceHours);
    return remove(secrets, *webhook);
}

class EpicCommand
{
    Q_DECLARE_TR_FUNCTIONS(EpicCommand)
public:
    int run(const QStringList &arguments);

private:
    int keygen(Webhook &webhook, int bits, bool replace);

    CommandSupport m_support{QStringLiteral("epic")};
};

int EpicCommand::keygen(Webhook &webhook, int bits, bool replace)
{
    WebhookRepository repository(m_support.database());
    std::optional<Result<GeneratedEpicKey>> generated;
    QEventLoop loop;
    EpicKeyGeneration::start(m_support.credentials(), repository, {webhook.id, bits, replace}, &loop,
                             [&](const Result<GeneratedEpicKey> &result) {
                                 generated = result;
                                 loop.quit();
                             });
    if (!generated)
        loop.exec();
    if (generated->code() == ErrorCode::Conflict && !replace)
        return m_support.fail(tr("“%1” already has a private key. A new key pair stops the registered one from working until its public key is registered with Epic; give "
                                 "--replace to make one anyway.")
                                  .arg(webhook.name));
    if (!*generated)
        return m_support.fail(generated->message());
    webhook = generated->value().webhook;

    m_support.out() << QString::fromUtf8(generated->value().key.jwkSet(webhook.epic.keyId));
    m_support.out().flush();
    m_support.err() << (webhook.epic.clientId.isEmpty()
                            ? tr("The private key of “%1” is stored sealed for the approved machines. Register the JWK "
                                 "Set above with Epic (key id %2), then enter the client id Epic assigns.")
                                  .arg(webhook.name, webhook.epic.keyId)
                            : tr("The private key of “%1” is stored sealed for the approved machines. Register the JWK "
                                 "Set above with Epic for client id %2 (key id %3).")
                                  .arg(webhook.name, webhook.epic.clientId, webhook.epic.keyId))
                    << '\n';
    return CommandSupport::Success;
}

int EpicCommand::run(const QStringList &arguments)
{
    QCommandLineParser &parser = m_support.parser();
    parser.setApplicationDescription(
        tr("Epic (SMART Backend Services) authentication of a webhook.\n\n"
           "  epic keygen --webhook NAME [--bits N] [--replace]\n"
           "      make an RSA key pair, keep the private key sealed for the approved machines and print the\n"
           "      public JWK Set to register with Epic"));
    m_support.addCommonOptions();
    parser.addOption({QStringLiteral("webhook"), tr("The Epic webhook, by name."), tr("name")});
    parser.addOption({QStringLiteral("bits"), tr("The RSA key size: 2048, 3072 or 4096 (default %1).").arg(EpicKey::DefaultBits),
                      tr("bits")});
    parser.addOption({QStringLiteral("replace"), tr("Replace a key pair that is already stored.")});
    parser.addPositionalArgument(QStringLiteral("epic"), tr("The command and its action."), QStringLiteral("epic keygen"));
    int exitCode = CommandSupport::Success;
    const auto words = m_support.parse(arguments, &exitCode);
    if (!words)
        return exitCode;

    const QString action = words->value(0);
    if (action.isEmpty())
        return m_support.usage(tr("“epic” needs an action: keygen."));
    if (action != QLatin1String("keygen"))
        return m_support.usage(tr("Unknown action “epic %1”; the action is keygen.").arg(action));
    if (words->size() > 1)
        return m_support.usage(tr("“epic keygen” takes no further arguments."));
    if (!parser.isSet(QStringLiteral("webhook")))
        return m_support.usage(tr("--webhook is required."));
    int bits = EpicKey::DefaultBits;
    if (parser.isSet(QStringLiteral("bits"))) {
        bool ok = false;
        bits = parser.value(QStringLiteral("bits")).toInt(&ok);
        // Epic asks for at least 2048 bits; beyond 4096 generation takes long for no practical gain.
        if (!ok || (bits != 2048 && bits != 3072 && bits != 4096))
            return m_support.usage(tr("--bits must be 2048, 3072 or 4096."));
    }

    auto webhook = m_support.findWebhook(parser.value(QStringLiteral("webhook")));
    if (!webhook)
        return CommandSupport::Failure;
    if (webhook->kind != WebhookKind::Epic)
        return m_support.fail(tr("“%1” is a %2 webhook; only Epic webhooks authenticate with a key pair.")
                                  .arg(webhook->name, WebhookKinds::displayName(webhook->kind)));
    return keygen(*webhook, bits, parser.isSet(QStringLiteral("replace")));
}

} // namespace

int runSecretCommand(const QStringList &arguments)
{
    SecretCommand command;
    return command.run(arguments);
}

int runEpicCommand(const QStringList &arguments)
{
    EpicCommand command;
    return command.run(arguments);
}
