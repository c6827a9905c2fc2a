// The deliveries table: millions of fixed-height rows, column widths from typical contents, selection by attempt.
#pragma once

#include <QTableView>

#include <optional>

class DeliveryTableModel;

class DeliveriesTable : public QTableView
{
    Q_OBJECT
public:
    explicit DeliveriesTable(DeliveryTableModel *model, QWidget *parent = nullptr);

    // The attempt of the selected row, once that row is loaded.
    std::optional<qint64> selectedId() const;
    // Selects attempt id, which is expected near expectedRow, as soon as the rows around there are loaded
    // (asking for them meanwhile), or when it arrives in the listing; until another row is pressed.
    void selectWhenLoaded(qint64 id, int expectedRow);
    void cancelPendingSelection() { m_pending.reset(); }
    void clearSelectionAndCurrent();

private:
    void trySelectPending();

    DeliveryTableModel *m_model;
    struct PendingSelection
    {
        qint64 id = 0;
        int expectedRow = 0;
    };
    std::optional<PendingSelection> m_pending;
};
