// Subscribed events, grouped by category (Report, Battery, Task) with each event's description.
#include "ui/eventpicker.h"

#include "models/domain/eventtype.h"

#include <QEvent>
#include <QHeaderView>

namespace {
constexpr int EventNameRole = Qt::UserRole + 1;
constexpr int CategoryRole = Qt::UserRole + 2;
} // namespace

EventPicker::EventPicker(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    populate();
    retranslate();
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_updating)
            return;
        // A category row toggles all its events; Qt::ItemIsAutoTristate keeps the parent's state in step.
        if (item->parent() == nullptr)
            return;
        emit eventsChanged();
    });
}

void EventPicker::populate()
{
    QHash<EventCategory, QTreeWidgetItem *> categories;
    for (const EventType &event : EventCatalog::builtIn()) {
        QTreeWidgetItem *category = categories.value(event.category);
        if (!category) {
            category = new QTreeWidgetItem(this);
            category->setData(0, CategoryRole, int(event.category));
            category->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
            QFont bold = category->font(0);
            bold.setBold(true);
            category->setFont(0, bold);
            categories.insert(event.category, category);
        }
        auto *item = new QTreeWidgetItem(category);
        item->setText(0, event.name);
        item->setData(0, EventNameRole, event.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
    }
    expandAll();
}

void EventPicker::retranslate()
{
    setHeaderLabels({tr("Event"), tr("Description")});
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *category = topLevelItem(i);
        category->setText(0, EventCatalog::categoryDisplayName(EventCategory(category->data(0, CategoryRole).toInt())));
        for (int j = 0; j < category->childCount(); ++j) {
            QTreeWidgetItem *item = category->child(j);
            const EventType *event = EventCatalog::find(item->data(0, EventNameRole).toString());
            item->setText(1, event->displayDescription());
        }
    }
    setKind(m_kind);
}

void EventPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTreeWidget::changeEvent(event);
}

QTreeWidgetItem *EventPicker::itemForEvent(const QString &name) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *category = topLevelItem(i);
        for (int j = 0; j < category->childCount(); ++j) {
            if (category->child(j)->data(0, EventNameRole).toString() == name)
                return category->child(j);
        }
    }
    return nullptr;
}

QStringList EventPicker::checkedEvents() const
{
    QStringList events;
    for (const EventType &event : EventCatalog::builtIn()) {
        if (QTreeWidgetItem *item = itemForEvent(event.name); item && item->checkState(0) == Qt::Checked)
            events.append(event.name);
    }
    return events;
}

void EventPicker::setCheckedEvents(const QStringList &events)
{
    m_updating = true;
    for (const EventType &event : EventCatalog::builtIn()) {
        if (QTreeWidgetItem *item = itemForEvent(event.name))
            item->setCheckState(0, events.contains(event.name) ? Qt::Checked : Qt::Unchecked);
    }
    m_updating = false;
    emit eventsChanged();
}

void EventPicker::setKind(WebhookKind kind)
{
    m_kind = kind;
    for (const EventType &event : EventCatalog::builtIn()) {
        QTreeWidgetItem *item = itemForEvent(event.name);
        const bool possible = kind != WebhookKind::Epic || event.mapsToDiagnosticReport;
        item->setDisabled(!possible);
        const QString reason = possible ? QString()
                                        : tr("Epic receives FHIR DiagnosticReports, which exist only for report and "
                                             "battery events.");
        item->setToolTip(0, reason);
        item->setToolTip(1, reason);
    }
}
