// Shows an Adaptive Card (schema 1.5) roughly as Microsoft Teams' light theme draws it, without any network access.
#include "ui/adaptivecard/adaptivecardview.h"

#include "ui/adaptivecard/cardbuilder.h"
#include "ui/adaptivecard/cardwidgets.h"
#include "ui/adaptivecard/hostconfig.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPainter>
#include <QVBoxLayout>

using namespace AdaptiveCards;

AdaptiveCardView::AdaptiveCardView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->setSpacing(0);
    rebuild();
}

void AdaptiveCardView::setCard(const QJsonObject &card)
{
    m_card = card;
    rebuild();
}

void AdaptiveCardView::rebuild()
{
    auto *outer = static_cast<QVBoxLayout *>(layout());
    while (QLayoutItem *item = outer->takeAt(0)) {
        if (QLayout *row = item->layout()) {
            while (QLayoutItem *child = row->takeAt(0)) {
                // Unparent at once so that findChildren() no longer sees the old card.
                if (QWidget *widget = child->widget()) {
                    widget->hide();
                    widget->setParent(nullptr);
                    widget->deleteLater();
                }
                std::unique_ptr<QLayoutItem> owned(child);
            }
        }
        std::unique_ptr<QLayoutItem> owned(item);
    }

    const CardBuilder builder([this](const QUrl &url) { emit openUrlRequested(url); });
    m_cardWidget = builder.buildCard(m_card, this);
    m_cardWidget->setMaximumWidth(maximumCardWidth);
    // The card fills the width up to Teams' maximum; the rest stays chat background.
    auto *row = new QHBoxLayout;
    row->setSpacing(0);
    row->addWidget(m_cardWidget, 1);
    row->addStretch(0);
    outer->addLayout(row);
    outer->addStretch(1);
    updateGeometry();
    update();
}

bool AdaptiveCardView::hasHeightForWidth() const
{
    return layout()->hasHeightForWidth();
}

int AdaptiveCardView::heightForWidth(int width) const
{
    return layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width) : layout()->totalSizeHint().height();
}

QImage AdaptiveCardView::renderToImage()
{
    // A separate, never-shown view renders at a predictable width whatever this one's size or scroll position.
    const int width = (isVisible() && this->width() >= 200) ? this->width() : defaultRenderWidth;
    AdaptiveCardView offscreen;
    offscreen.setAttribute(Qt::WA_DontShowOnScreen);
    offscreen.setCard(m_card);
    offscreen.resize(width, qMax(1, offscreen.heightForWidth(width)));
    offscreen.show();
    offscreen.layout()->activate();
    offscreen.resize(width, qMax(1, offscreen.heightForWidth(width)));
    return offscreen.grab().toImage();
}

bool AdaptiveCardView::saveAsPng(const QString &path)
{
    const QImage image = renderToImage();
    return !image.isNull() && image.save(path, "PNG");
}

void AdaptiveCardView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), HostConfig::hostBackground());
    if (m_cardWidget) {
        // Teams outlines a card with a hairline; drawn just outside the card so the card's own paint keeps it.
        painter.setPen(HostConfig::cardBorderColor());
        painter.drawRect(m_cardWidget->geometry().adjusted(-1, -1, 0, 0));
    }
}

void AdaptiveCardView::changeEvent(QEvent *event)
{
    // Placeholders and tooltips are translated text: build the card again in the new language.
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}
