// Turns Adaptive Card JSON into widgets, one builder per element type; anything it cannot draw becomes a placeholder.
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QUrl>

#include <functional>

class QWidget;

namespace AdaptiveCards {

class CardContainer;

class CardBuilder
{
    Q_DECLARE_TR_FUNCTIONS(CardBuilder)
public:
    using OpenUrlHandler = std::function<void(const QUrl &)>;

    // openUrl runs when an Action.OpenUrl button or a markdown link is clicked.
    explicit CardBuilder(OpenUrlHandler openUrl);

    // The card as a widget tree owned by parent. Never fails: any JSON object gives a widget.
    CardContainer *buildCard(const QJsonObject &card, QWidget *parent) const;

    // Deeper nesting than this is shown as a placeholder, so that a hostile card cannot exhaust the stack.
    static constexpr int maxDepth = 48;

private:
    struct Context
    {
        QString parentStyle; // the container style the element sits on
        int depth = 0;
        bool columnHeader = false; // inside a Table's header row: text is bolder unless it says otherwise
    };
    struct Element
    {
        Element() = default;
        Element(QWidget *shown, bool shownBleeds = false, Qt::Alignment shownAlignment = {})
            : widget(shown), bleeds(shownBleeds), alignment(shownAlignment) {}

        QWidget *widget = nullptr; // null: nothing to show (hidden, dropped, empty text)
        bool bleeds = false;
        Qt::Alignment alignment;
    };

    void addElements(CardContainer *container, const QJsonValue &items, const Context &context) const;
    Element buildElement(const QJsonValue &value, const Context &context) const;
    Element buildTextBlock(const QJsonObject &element, const Context &context) const;
    Element buildRichTextBlock(const QJsonObject &element) const;
    Element buildContainer(const QJsonObject &element, const Context &context) const;
    Element buildColumnSet(const QJsonObject &element, const Context &context) const;
    QWidget *buildColumn(const QJsonValue &value, const Context &context) const;
    Element buildFactSet(const QJsonObject &element) const;
    Element buildImage(const QJsonObject &element, const QString &defaultSize = QStringLiteral("auto")) const;
    Element buildImageSet(const QJsonObject &element) const;
    Element buildTable(const QJsonObject &element, const Context &context) const;
    QWidget *buildActions(const QJsonValue &actions, const Context &context) const;
    QWidget *placeholder(const QString &message) const;

    OpenUrlHandler m_openUrl;
};

} // namespace AdaptiveCards
