// The standalone payload preview: pick an integration, an event and a PHI level, edit the sample event, and see
// exactly what would be sent.
#include "ui/previewwindow.h"

#include "ui/screenfit.h"
#include "models/domain/event.h"
#include "models/domain/eventtype.h"
#include "network/payloads/payloadformatter.h"
#include "models/domain/boundedfile.h"
#include "models/domain/payloadtext.h"
#include "ui/filedialogs.h"
#include "ui/jsonhighlighter.h"
#include "ui/previewpane.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// Bigger files are not event samples; reading them would only freeze the window.
} // namespace

PreviewWindow::PreviewWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_kindLabel(new QLabel(this))
    , m_kindCombo(new QComboBox(this))
    , m_eventLabel(new QLabel(this))
    , m_eventCombo(new QComboBox(this))
    , m_phiLabel(new QLabel(this))
    , m_phiCombo(new QComboBox(this))
    , m_editorLabel(new QLabel(this))
    , m_eventEditor(new QPlainTextEdit(this))
    , m_highlighter(new JsonHighlighter(m_eventEditor->document()))
    , m_loadButton(new QPushButton(this))
    , m_resetButton(new QPushButton(this))
    , m_eventErrorLabel(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_pane(new PreviewPane(this))
    , m_formatTimer(new QTimer(this))
{
    m_kindLabel->setBuddy(m_kindCombo);
    m_eventLabel->setBuddy(m_eventCombo);
    m_phiLabel->setBuddy(m_phiCombo);
    m_editorLabel->setBuddy(m_eventEditor);
    m_eventEditor->setObjectName(QStringLiteral("eventEditor"));
    m_eventEditor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_eventEditor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_eventEditor->setTabChangesFocus(true);
    m_highlighter->setDarkBackground(m_eventEditor->palette().color(QPalette::Base).lightness() < 128);
    m_eventErrorLabel->setObjectName(QStringLiteral("eventErrorLabel"));
    m_eventErrorLabel->setWordWrap(true);
    m_eventErrorLabel->setTextFormat(Qt::PlainText);
    m_eventErrorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_eventErrorLabel->setStyleSheet(QStringLiteral("color: #c4314b;"));
    m_eventErrorLabel->hide();

    auto *form = new QFormLayout;
    form->addRow(m_kindLabel, m_kindCombo);
    form->addRow(m_eventLabel, m_eventCombo);
    form->addRow(m_phiLabel, m_phiCombo);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_loadButton);
    buttons->addWidget(m_resetButton);
    buttons->addStretch(1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(form);
    leftLayout->addWidget(m_editorLabel);
    leftLayout->addWidget(m_eventEditor, 1);
    leftLayout->addWidget(m_eventErrorLabel);
    leftLayout->addLayout(buttons);

    m_splitter->addWidget(left);
    m_splitter->addWidget(m_pane);
    // The event editor needs room for its longest lines; the pane shows JSON and card side by side.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({440, 880});
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

    m_formatTimer->setSingleShot(true);
    m_formatTimer->setInterval(typingDelayMs);

    populateCombos();
    retranslate();

    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_phiChosen) {
            const QSignalBlocker blocker(m_phiCombo);
            m_phiCombo->setCurrentIndex(m_phiCombo->findData(PhiLevels::key(WebhookKinds::defaultPhiLevel(kind()))));
        }
        updatePreview();
    });
    connect(m_phiCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_phiChosen = true;
        updatePreview();
    });
    connect(m_eventCombo, &QComboBox::currentIndexChanged, this, &PreviewWindow::resetToSample);
    connect(m_eventEditor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_replacingText)
            m_formatTimer->start();
    });
    connect(m_formatTimer, &QTimer::timeout, this, &PreviewWindow::updatePreview);
    connect(m_loadButton, &QPushButton::clicked, this, &PreviewWindow::chooseSampleFile);
    connect(m_resetButton, &QPushButton::clicked, this, &PreviewWindow::resetToSample);
    connect(m_pane, &PreviewPane::openUrlRequested, this, &PreviewWindow::openUrl);

    {
        const QSignalBlocker blocker(m_phiCombo);
        m_phiCombo->setCurrentIndex(m_phiCombo->findData(PhiLevels::key(WebhookKinds::defaultPhiLevel(kind()))));
    }
    ScreenFit::resize(this, {1280, 780});
    resetToSample();
}

void PreviewWindow::populateCombos()
{
    for (const WebhookKind kind : WebhookKinds::all()) {
        const QString key = WebhookKinds::key(kind);
        m_kindCombo->addItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(key)), WebhookKinds::displayName(kind), key);
    }
    for (const EventType &type : EventCatalog::builtIn())
        m_eventCombo->addItem(type.name, type.name);
    for (const PhiLevel level : PhiLevels::all())
        m_phiCombo->addItem(PhiLevels::displayName(level), PhiLevels::key(level));
    // Teams first: its card preview is what this window is most often opened for.
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(WebhookKinds::key(WebhookKind::Teams)));
}

void PreviewWindow::retranslate()
{
    setWindowTitle(tr("Payload Preview"));
    m_kindLabel->setText(tr("&Integration:"));
    m_eventLabel->setText(tr("&Event:"));
    m_phiLabel->setText(tr("&Patient data:"));
    m_editorLabel->setText(tr("Sample &event (JSON, editable):"));
    m_loadButton->setText(tr("Load Sample from File…"));
    m_resetButton->setText(tr("Reset to Sample"));
    for (int index = 0; index < m_kindCombo->count(); ++index) {
        if (const auto kind = WebhookKinds::fromKey(m_kindCombo->itemData(index).toString()))
            m_kindCombo->setItemText(index, WebhookKinds::displayName(*kind));
    }
    for (int index = 0; index < m_eventCombo->count(); ++index) {
        if (const EventType *type = EventCatalog::find(m_eventCombo->itemData(index).toString())) {
            m_eventCombo->setItemText(index, QStringLiteral("%1 \u2014 %2").arg(type->name, type->displayDescription()));
            m_eventCombo->setItemData(index, type->displayDescription(), Qt::ToolTipRole);
        }
    }
    for (int index = 0; index < m_phiCombo->count(); ++index) {
        if (const auto level = PhiLevels::fromKey(m_phiCombo->itemData(index).toString())) {
            m_phiCombo->setItemText(index, PhiLevels::displayName(*level));
            m_phiCombo->setItemData(index, PhiLevels::explanation(*level), Qt::ToolTipRole);
        }
    }
}

void PreviewWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updatePreview(); // warnings and error messages come translated from the core
    }
    QWidget::changeEvent(event);
}

WebhookKind PreviewWindow::kind() const
{
    return WebhookKinds::fromKey(m_kindCombo->currentData().toString()).value_or(WebhookKind::Generic);
}

QString PreviewWindow::eventType() const
{
    return m_eventCombo->currentData().toString();
}

PhiLevel PreviewWindow::phiLevel() const
{
    return PhiLevels::fromKey(m_phiCombo->currentData().toString()).value_or(PhiLevel::None);
}

void PreviewWindow::setKind(WebhookKind kind)
{
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(WebhookKinds::key(kind)));
}

void PreviewWindow::setEventType(const QString &eventType)
{
    const int index = m_eventCombo->findData(eventType);
    if (index >= 0)
        m_eventCombo->setCurrentIndex(index);
}

void PreviewWindow::setPhiLevel(PhiLevel level)
{
    m_phiCombo->setCurrentIndex(m_phiCombo->findData(PhiLevels::key(level)));
}

void PreviewWindow::setWebhook(const Webhook &webhook)
{
    setKind(webhook.kind);
    setPhiLevel(webhook.phiLevel);
    m_payloadLanguage = webhook.payloadLanguage;
    m_phiChosen = true;
    if (!webhook.events.isEmpty() && !webhook.events.contains(eventType()))
        setEventType(webhook.events.first());
    updatePreview();
}

void PreviewWindow::resetToSample()
{
    m_replacingText = true;
    m_eventEditor->setPlainText(QString::fromUtf8(EventSamples::sample(eventType()).toJson()));
    m_replacingText = false;
    updatePreview();
}

QFuture<bool> PreviewWindow::loadSampleFile(const QString &path)
{
    // Read in the pool: a file on a slow share must not stop the window.
    return BoundedFile::readInBackground(path, BoundedFile::eventSampleMaxBytes)
        .then(this, [this, path](const BoundedFile::Contents &read) { return useSampleFile(path, read); });
}

bool PreviewWindow::useSampleFile(const QString &path, const BoundedFile::Contents &read)
{
    if (!read.bytes) {
        m_eventErrorLabel->setText(tr("Could not load %1: %2").arg(QDir::toNativeSeparators(path), read.error));
        m_eventErrorLabel->show();
        return false;
    }
    m_replacingText = true;
    m_eventEditor->setPlainText(QString::fromUtf8(*read.bytes));
    m_replacingText = false;
    updatePreview();
    return true;
}

void PreviewWindow::chooseSampleFile()
{
    QFileDialog *chooser = FileDialogs::create(this, tr("Load Sample Event"), QString(),
                                               tr("JSON files (*.json);;All files (*)"), QFileDialog::AcceptOpen);
    chooser->setObjectName(QStringLiteral("sampleFileChooser"));
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &path) { loadSampleFile(path); });
    chooser->open();
}

void PreviewWindow::updatePreview()
{
    m_formatTimer->stop();
    QString error;
    const std::optional<Event> event = Event::fromJson(m_eventEditor->toPlainText().toUtf8(), &error);
    if (!event) {
        m_eventErrorLabel->setText(error);
        m_eventErrorLabel->show();
        m_pane->showError(tr("The sample event is not valid:\n%1").arg(error));
        return;
    }
    m_eventErrorLabel->hide();
    m_eventErrorLabel->clear();
    // The editor may now hold another event type than the one picked; keep the picker truthful.
    if (event->type != eventType()) {
        const QSignalBlocker blocker(m_eventCombo);
        m_eventCombo->setCurrentIndex(m_eventCombo->findData(event->type));
    }
    const std::unique_ptr<PayloadFormatter> formatter = PayloadFormatter::create(kind());
    if (!formatter) {
        m_pane->showError(tr("There is no payload format for %1.").arg(WebhookKinds::displayName(kind())));
        return;
    }
    const PayloadText::Scope inLanguage(m_payloadLanguage);
    const std::optional<Payload> payload = formatter->format(*event, phiLevel(), &error);
    if (!payload) {
        m_pane->showError(error);
        return;
    }
    m_pane->showPayload(kind(), *payload);
}

void PreviewWindow::openUrl(const QUrl &url)
{
    // Cards can come from anywhere (pasted or loaded); only web links leave the application.
    if (url.scheme() == u"https" || url.scheme() == u"http")
        QDesktopServices::openUrl(url);
}
