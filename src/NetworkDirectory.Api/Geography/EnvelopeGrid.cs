using NetTopologySuite.Geometries;

namespace NetworkDirectory.Api.Geography;

/// <summary>
/// The regions of one level whose bounding box may hold a point: a uniform grid over all boxes,
/// each cell listing the items whose box touches it, in item order. A query reads one cell, with no
/// tree to walk; it returns the same candidates as an R-tree query of the point (every box holding
/// the point touches the point's cell), and the caller keeps the item order (the border rule).
/// Immutable, so safe for concurrent queries.
/// </summary>
internal sealed class EnvelopeGrid
{
    /// <summary>Cells per item: about as many cells as a region's box covers, so a cell lists few regions.</summary>
    private const int CellsPerItem = 4;

    /// <summary>The boxes as values, side by side in one array: a query reads them without following references.</summary>
    private readonly Box[] _boxes;

    private readonly record struct Box(double MinX, double MinY, double MaxX, double MaxY);
    private readonly double _minX, _minY, _maxX, _maxY, _cellWidth, _cellHeight;
    private readonly int _columns, _rows;

    // Compressed rows: the items of cell c are _items[_starts[c] .. _starts[c + 1]).
    private readonly int[] _starts;
    private readonly int[] _items;

    public EnvelopeGrid(IReadOnlyList<Envelope> boxes)
    {
        _boxes = boxes.Select(b => new Box(b.MinX, b.MinY, b.MaxX, b.MaxY)).ToArray();
        var extent = new Envelope();
        foreach (var box in boxes)
        {
            extent.ExpandToInclude(box);
        }
        (_minX, _minY, _maxX, _maxY) = (extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        var width = Math.Max(extent.Width, 1e-9);
        var height = Math.Max(extent.Height, 1e-9);
        var cells = Math.Max(1, _boxes.Length * CellsPerItem);
        _columns = Math.Clamp((int)Math.Round(Math.Sqrt(cells * width / height)), 1, 4096);
        _rows = Math.Clamp((int)Math.Ceiling((double)cells / _columns), 1, 4096);
        _cellWidth = width / _columns;
        _cellHeight = height / _rows;

        // Two passes: count per cell, then fill; items go in ascending order into every cell.
        var counts = new int[_columns * _rows];
        ForEachCell((cell, _) => counts[cell]++);
        _starts = new int[counts.Length + 1];
        for (var c = 0; c < counts.Length; c++)
        {
            _starts[c + 1] = _starts[c] + counts[c];
        }
        _items = new int[_starts[^1]];
        var next = _starts[..^1];
        ForEachCell((cell, item) => _items[next[cell]++] = item);
    }

    /// <summary>Calls <paramref name="visit"/>(cell, item) for every cell each item's box touches, items in ascending order.</summary>
    private void ForEachCell(Action<int, int> visit)
    {
        for (var i = 0; i < _boxes.Length; i++)
        {
            var box = _boxes[i];
            var (x0, y0) = (Column(box.MinX), Row(box.MinY));
            var (x1, y1) = (Column(box.MaxX), Row(box.MaxY));
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    visit(y * _columns + x, i);
                }
            }
        }
    }

    private int Column(double x) => Math.Clamp((int)Math.Floor((x - _minX) / _cellWidth), 0, _columns - 1);

    private int Row(double y) => Math.Clamp((int)Math.Floor((y - _minY) / _cellHeight), 0, _rows - 1);

    /// <summary>The items whose box holds the point, in ascending item order.</summary>
    public Candidates Query(double x, double y) =>
        !(x >= _minX && x <= _maxX && y >= _minY && y <= _maxY) // also false for NaN
            ? default
            : new Candidates(this, Row(y) * _columns + Column(x), x, y);

    /// <summary>An allocation-free enumeration of one cell's items whose box holds the point.</summary>
    public struct Candidates(EnvelopeGrid grid, int cell, double x, double y)
    {
        private int _next = grid is null ? 0 : grid._starts[cell];

        public int Current { get; private set; }

        public bool MoveNext()
        {
            if (grid is null)
            {
                return false;
            }
            var end = grid._starts[cell + 1];
            while (_next < end)
            {
                var item = grid._items[_next++];
                ref readonly var box = ref grid._boxes[item];
                if (x >= box.MinX && x <= box.MaxX && y >= box.MinY && y <= box.MaxY)
                {
                    Current = item;
                    return true;
                }
            }
            return false;
        }
    }
}
