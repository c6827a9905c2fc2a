// The deliveries table: millions of fixed-height rows, column widths from typical contents, selection by attempt.
#include "ui/deliveriestable.h"

#include "models/domain/eventtype.h"
#include "models/itemmodels/deliverytablemodel.h"
#include "ui/deliveryrowdelegate.h"

#include <QHeaderView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// How far around the expected row an attempt chosen in the timeline is looked for: rows that arrived or went
// since the position was counted move it a little.
constexpr int selectionSearchRadius = 64;

QString longestEventType()
{
    QString longest;
    for (const EventType &type : EventCatalog::builtIn())
        if (type.name.size() > longest.size())
            longest = type.name;
    return longest;
}

} // namespace

DeliveriesTable::DeliveriesTable(DeliveryTableModel *model, QWidget *parent)
    : QTableView(parent), m_model(model)
{
    setObjectName(u"deliveriesTable"_s);
    setModel(model);
    setItemDelegate(new DeliveryRowDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setSortingEnabled(false);  // the log's order is its keyset: newest first
    setContextMenuPolicy(Qt::CustomContextMenu);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Every row the same height: the view never measures rows, so millions of them scroll like a few.
    QHeaderView *rows = verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *columns = horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    // Widths from typical contents, not from the rows: measuring rows would load them.
    const QFontMetrics metrics(font());
    const std::pair<int, QString> samples[] = {
        {DeliveryTableModel::TimeColumn, u"2024-12-31 23:59:59"_s},
        {DeliveryTableModel::WebhookColumn, u"Cardiology North"_s},
        {DeliveryTableModel::EventTypeColumn, longestEventType()},
        {DeliveryTableModel::EventIdColumn, u"evt_0123456789abcdef"_s},
        {DeliveryTableModel::AttemptColumn, u"99"_s},
        {DeliveryTableModel::TriggerColumn, u"Redelivery"_s},
        {DeliveryTableModel::StatusColumn, u"no response"_s},
        {DeliveryTableModel::ResultColumn, u"Failure"_s},
        {DeliveryTableModel::LatencyColumn, u"15000 ms"_s}};
    for (const auto &[column, sample] : samples) {
        const int header = metrics.horizontalAdvance(model->headerData(column, Qt::Horizontal).toString());
        columns->resizeSection(column, std::max(metrics.horizontalAdvance(sample), header) + 24);
    }

    connect(model, &DeliveryTableModel::rowsLoaded, this, &DeliveriesTable::trySelectPending);
    connect(model, &DeliveryTableModel::newerRowsInserted, this, &DeliveriesTable::trySelectPending);
    connect(this, &QTableView::pressed, this, [this] { m_pending.reset(); });
}

std::optional<qint64> DeliveriesTable::selectedId() const
{
    const QModelIndex current = selectionModel()->currentIndex();
    if (!current.isValid() || !selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    const auto row = m_model->rowAt(current.row());
    return row ? std::optional<qint64>(row->id) : std::nullopt;
}

void DeliveriesTable::selectWhenLoaded(qint64 id, int expectedRow)
{
    m_pending = PendingSelection{id, expectedRow};
    trySelectPending();
}

void DeliveriesTable::clearSelectionAndCurrent()
{
    const QSignalBlocker blocker(selectionModel());
    clearSelection();
    selectionModel()->setCurrentIndex({}, QItemSelectionModel::Clear);
}

void DeliveriesTable::trySelectPending()
{
    if (!m_pending || m_model->rowCount() == 0)
        return;
    const int rows = m_model->rowCount();
    const int expected = std::clamp(m_pending->expectedRow, 0, rows - 1);
    const int first = std::max(0, expected - selectionSearchRadius);
    const int last = std::min(rows - 1, expected + selectionSearchRadius);
    bool allLoaded = true;
    for (int row = first; row <= last; ++row) {
        const auto loaded = m_model->rowAt(row);
        if (!loaded) {
            allLoaded = false;
            continue;
        }
        if (loaded->id != m_pending->id)
            continue;
        m_pending.reset();
        const QModelIndex index = m_model->index(row, 0);
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        scrollTo(index, QAbstractItemView::PositionAtCenter);
        return;
    }
    // All there and not found: it is still on its way into the listing (recorded a moment ago), so it is
    // selected when it arrives; a new filter or the user's own choice ends the wait.
    if (allLoaded)
        return;
    // Asking for the rows loads their blocks; rowsLoaded brings us back here.
    scrollTo(m_model->index(expected, 0), QAbstractItemView::PositionAtCenter);
    for (int row = first; row <= last; row += std::max(1, m_model->blockSize() / 2))
        m_model->data(m_model->index(row, 0), DeliveryTableModel::LoadedRole);
    m_model->data(m_model->index(last, 0), DeliveryTableModel::LoadedRole);
}
