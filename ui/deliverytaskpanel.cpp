// The row under the deliveries filter that shows the tab's one background task: what it does, how far, Cancel.
#include "ui/deliverytaskpanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

DeliveryTaskPanel::DeliveryTaskPanel(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_cancelButton(new QPushButton(this))
{
    setObjectName(u"taskPanel"_s);
    m_label->setObjectName(u"taskLabel"_s);
    m_progress->setObjectName(u"taskProgress"_s);
    m_cancelButton->setObjectName(u"taskCancelButton"_s);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setMinimumWidth(200);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancelButton);
    connect(m_cancelButton, &QPushButton::clicked, this, &DeliveryTaskPanel::cancelClicked);
    retranslate();
    hide();
}

void DeliveryTaskPanel::setTask(Task task, const QString &label)
{
    const bool changed = task != m_task;
    m_task = task;
    m_text = label;
    setVisible(task != Task::None);
    m_label->setText(label);
    if (changed) {
        m_progress->setRange(0, 0);
        m_progress->setValue(0);
        m_cancelButton->setEnabled(true);
        emit taskChanged(task);
    }
}

void DeliveryTaskPanel::setLabel(const QString &label)
{
    m_label->setText(label);
}

void DeliveryTaskPanel::setProgress(qint64 done, qint64 total)
{
    // Progress bars count in int: scale millions down to per mille.
    if (total <= 0) {
        m_progress->setRange(0, 0);
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
    const QLocale locale;
    m_progress->setFormat(tr("%1 of %2").arg(locale.toString(done), locale.toString(total)));
}

void DeliveryTaskPanel::showStopping()
{
    m_cancelButton->setEnabled(false);
    m_label->setText(tr("%1 Stopping after the step in hand…").arg(m_text));
}

void DeliveryTaskPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DeliveryTaskPanel::retranslate()
{
    m_cancelButton->setText(tr("Cancel"));
}
