// The Epic key pair of the webhook being edited: generated into the keychain, its status, its public JWK Set.
#include "ui/webhookeditordialog.h"

#include "models/secrets/secretstore.h"
#include "models/storage/webhookrepository.h"
#include "network/transport/epicauth.h"
#include "models/secrets/webhooksecrets.h"
#include "ui/filedialogs.h"

#include <QApplication>
#include <QClipboard>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

void WebhookEditorDialog::refreshEpicKeyStatus()
{
    const bool canManageKeys = m_services.has_value() && !m_webhook.id.isEmpty();
    m_epicGenerateKeyButton->setEnabled(canManageKeys);
    m_epicCopyJwksButton->setEnabled(false);
    m_epicSaveJwksButton->setEnabled(false);
    if (!m_services) {
        m_epicKeyStatus->clear();
        return;
    }
    if (m_webhook.id.isEmpty()) {
        m_epicKeyStatus->setText(tr("Save the webhook first; its key pair belongs to it."));
        return;
    }
    m_services->keychain.read(WebhookSecrets::epicPrivateKeyKey(m_webhook.id), this,
                              [this](const SecretStore::Result &result) {
                                  if (result.ok()) {
                                      m_epicKeyStatus->setText(tr("A private key is in this workstation's keychain."));
                                      m_epicCopyJwksButton->setEnabled(true);
                                      m_epicSaveJwksButton->setEnabled(true);
                                      const auto key = EpicKey::fromPem(result.value.toLatin1());
                                      m_storedKeyThumbprint = key ? key->thumbprint() : QString();
                                  } else if (result.status == SecretStore::Status::NotFound) {
                                      m_epicKeyStatus->setText(tr("No private key on this workstation yet."));
                                  } else {
                                      m_epicKeyStatus->setText(result.message);
                                  }
                              });
}

void WebhookEditorDialog::generateEpicKey()
{
    if (!m_services || m_webhook.id.isEmpty())
        return;
    if (m_epicCopyJwksButton->isEnabled()
        && QMessageBox::question(this, tr("Replace the key pair"),
                                 tr("The public key registered with Epic stops working when the key pair is replaced. "
                                    "Replace it?"),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return;
    m_epicGenerateKeyButton->setEnabled(false);
    m_epicKeyStatus->setText(tr("Generating an RSA key pair…"));
    // RSA key generation takes a noticeable moment: off the UI thread.
    auto *watcher = new QFutureWatcher<std::optional<EpicKey>>(this);
    connect(watcher, &QFutureWatcher<std::optional<EpicKey>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const std::optional<EpicKey> key = watcher->result();
        if (!key) {
            m_epicKeyStatus->setText(tr("The key pair could not be generated."));
            m_epicGenerateKeyButton->setEnabled(true);
            return;
        }
        m_services->keychain.write(WebhookSecrets::epicPrivateKeyKey(m_webhook.id),
                                   QString::fromLatin1(key->privateKeyPem()), this,
                                   [this, thumbprint = key->thumbprint()](const SecretStore::Result &result) {
                                       if (!result.ok()) {
                                           m_epicKeyStatus->setText(result.message);
                                           m_epicGenerateKeyButton->setEnabled(true);
                                           return;
                                       }
                                       adoptEpicKeyId(thumbprint);
                                       refreshEpicKeyStatus();
                                   });
    });
    watcher->setFuture(QtConcurrent::run([] { return EpicKey::generate(); }));
}

void WebhookEditorDialog::withEpicJwks(const std::function<void(const QByteArray &)> &use)
{
    if (!m_services || m_webhook.id.isEmpty())
        return;
    m_services->keychain.read(WebhookSecrets::epicPrivateKeyKey(m_webhook.id), this,
                              [this, use](const SecretStore::Result &result) {
                                  QString error;
                                  const auto key = result.ok() ? EpicKey::fromPem(result.value.toLatin1(), &error)
                                                               : std::nullopt;
                                  if (!key) {
                                      m_epicKeyStatus->setText(result.ok() ? error : result.message);
                                      return;
                                  }
                                  EpicAuthSettings settings;
                                  settings.keyId = m_epicKeyIdEdit->text().trimmed();
                                  use(key->jwkSet(EpicAuth::keyId(*key, settings)));
                              });
}

void WebhookEditorDialog::copyEpicJwks()
{
    withEpicJwks([this](const QByteArray &jwks) {
        QApplication::clipboard()->setText(QString::fromUtf8(jwks));
        m_epicKeyStatus->setText(tr("The public JWK Set is on the clipboard, ready for the Epic registration."));
    });
}

void WebhookEditorDialog::saveEpicJwks()
{
    // A file is what Epic's registration form takes; the public key is no secret, so the file needs no protection.
    QFileDialog *chooser = FileDialogs::create(this, tr("Save Public Key"), QString(), tr("JWK Set (*.json)"),
                                               QFileDialog::AcceptSave);
    chooser->setObjectName(QStringLiteral("jwksFileChooser"));
    chooser->setDefaultSuffix(QStringLiteral("json"));
    chooser->selectFile(QStringLiteral("%1-jwks.json").arg(m_webhook.id.left(8)));
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &path) { saveEpicJwksTo(path); });
    chooser->open();
}

void WebhookEditorDialog::saveEpicJwksTo(const QString &path)
{
    withEpicJwks([this, path](const QByteArray &jwks) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(jwks) != jwks.size() || !file.commit()) {
            m_epicKeyStatus->setText(tr("Could not write %1: %2").arg(path, file.errorString()));
            return;
        }
        m_epicKeyStatus->setText(tr("The public JWK Set was saved to %1, ready for the Epic registration.").arg(path));
    });
}

void WebhookEditorDialog::adoptEpicKeyId(const QString &newThumbprint)
{
    // A key id that named the old key by its thumbprint (or none) follows the new key; one the administrator
    // chose stays. It is stored at once: the keychain already holds the new key, and a token request with the
    // old key id would be refused by Epic.
    const QString current = m_epicKeyIdEdit->text().trimmed();
    if (!current.isEmpty() && current != m_storedKeyThumbprint)
        return;
    m_epicKeyIdEdit->setText(newThumbprint);
    RepositoryResult lookup;
    auto stored = m_repository.findById(m_webhook.id, &lookup);
    if (!stored) {
        m_epicKeyStatus->setText(lookup.message);
        return;
    }
    stored->epic.keyId = newThumbprint;
    const RepositoryResult result = m_repository.overwrite(*stored);
    if (!result.ok()) {
        m_epicKeyStatus->setText(result.message);
        return;
    }
    // The dialog goes on from the stored version, so the administrator's own save does not conflict with this.
    m_webhook.version = stored->version;
    m_webhook.epic.keyId = newThumbprint;
}
