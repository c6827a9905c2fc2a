// The Epic key pair of the webhook being edited: generated into the keychain, its status, its public JWK Set.
#include "ui/webhookeditordialog.h"

#include "models/secrets/epickeygeneration.h"
#include "models/secrets/secretstore.h"
#include "models/storage/webhookrepository.h"
#include "network/transport/epicauth.h"
#include "models/secrets/webhooksecrets.h"
#include "ui/filedialogs.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>

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
    m_services->credentials.read(WebhookSecrets::epicPrivateKeyKey(m_webhook.id), this,
                              [this](const CredentialStore::Result &result) {
                                  if (result.ok()) {
                                      m_epicKeyStatus->setText(tr("A private key is in this workstation's keychain."));
                                      m_epicCopyJwksButton->setEnabled(true);
                                      m_epicSaveJwksButton->setEnabled(true);
                                  } else if (result.code() == ErrorCode::NotFound) {
                                      m_epicKeyStatus->setText(tr("No private key on this workstation yet."));
                                  } else {
                                      m_epicKeyStatus->setText(result.message());
                                  }
                              });
}

void WebhookEditorDialog::generateEpicKey()
{
    if (!m_services || m_webhook.id.isEmpty())
        return;
    const bool replace = m_epicCopyJwksButton->isEnabled();
    if (replace
        && QMessageBox::question(this, tr("Replace the key pair"),
                                 tr("The public key registered with Epic stops working when the key pair is replaced. "
                                    "Replace it?"),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return;
    m_epicGenerateKeyButton->setEnabled(false);
    m_epicKeyStatus->setText(tr("Generating an RSA key pair…"));
    const QString keyIdBefore = m_webhook.epic.keyId;
    EpicKeyGeneration::start(m_services->credentials, m_repository, {m_webhook.id, EpicKey::DefaultBits, replace}, this,
                             [this, keyIdBefore](const Result<GeneratedEpicKey> &generated) {
                                 if (!generated) {
                                     m_epicKeyStatus->setText(generated.message());
                                     m_epicGenerateKeyButton->setEnabled(true);
                                     return;
                                 }
                                 adoptStoredEpicKeyId(generated->webhook, keyIdBefore);
                                 refreshEpicKeyStatus();
                             });
}

void WebhookEditorDialog::withEpicJwks(const std::function<void(const QByteArray &)> &use)
{
    if (!m_services || m_webhook.id.isEmpty())
        return;
    m_services->credentials.read(WebhookSecrets::epicPrivateKeyKey(m_webhook.id), this,
                              [this, use](const CredentialStore::Result &result) {
                                  const Result<EpicKey> key = result.ok()
                                                                  ? EpicKey::fromPem(result.value().toLatin1())
                                                                  : Result<EpicKey>(result.failure());
                                  if (!key) {
                                      m_epicKeyStatus->setText(key.message());
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

void WebhookEditorDialog::adoptStoredEpicKeyId(const Webhook &stored, const QString &keyIdBefore)
{
    // The generation stored the key id that names the new key. The form follows it unless the administrator typed
    // another key id meanwhile; the dialog goes on from the stored version, so that its own save does not conflict.
    if (m_epicKeyIdEdit->text().trimmed() == keyIdBefore)
        m_epicKeyIdEdit->setText(stored.epic.keyId);
    m_webhook.version = stored.version;
    m_webhook.epic.keyId = stored.epic.keyId;
}
