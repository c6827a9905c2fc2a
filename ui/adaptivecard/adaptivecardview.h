// Shows an Adaptive Card (schema 1.5) roughly as Microsoft Teams' light theme draws it, without any network access.
#pragma once

#include <QImage>
#include <QJsonObject>
#include <QUrl>
#include <QWidget>

namespace AdaptiveCards {
class CardContainer;
}

class AdaptiveCardView : public QWidget
{
    Q_OBJECT
public:
    explicit AdaptiveCardView(QWidget *parent = nullptr);

    // The AdaptiveCard object itself (an attachment's "content"). Any object is accepted: what cannot be
    // drawn shows as a placeholder.
    void setCard(const QJsonObject &card);
    QJsonObject card() const { return m_card; }
    // The drawn card (the white surface), for tests and for finding elements.
    AdaptiveCards::CardContainer *cardWidget() const { return m_cardWidget; }

    // The card on Teams' chat background, at the view's width when shown, otherwise at defaultRenderWidth.
    QImage renderToImage();
    bool saveAsPng(const QString &path);

    static constexpr int defaultRenderWidth = 480;
    // Teams never draws a card wider than this in a chat.
    static constexpr int maximumCardWidth = 600;
    static constexpr int margin = 12;

    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

signals:
    // Action.OpenUrl buttons and markdown links; the view never opens a browser itself.
    void openUrlRequested(const QUrl &url);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QJsonObject m_card;
    AdaptiveCards::CardContainer *m_cardWidget = nullptr;
};
