namespace Qdc.Compiler.Scheduling;

/// <summary>The list scheduler's communication-qubit grants: which pair may take a qubit on a QPU, by its <see cref="GrantRule"/>.</summary>
internal sealed partial class ListScheduler
{
    private bool MayTake(int v, int position, bool wanted)
    {
        if (_free[v] == 0 || position >= _head[v] + _window[v])
        {
            return false;
        }
        int head = _head[v];
        if (position == head)
        {
            return true;
        }
        return _rule switch
        {
            GrantRule.Reserve => KeepsReserve(v, position),
            GrantRule.Cautious => Cautious(v, position, wanted),
            _ => true,
        };
    }

    // Every unstarted pair before the position, once all before it in program order are done, still finds a qubit:
    // the occupancies alive there in program order and the qubits pairs after it hold (this one included) fit.
    private bool KeepsReserve(int v, int position)
    {
        var order = _order[v];
        var busy = _slotBusy[v];
        var at = _slotPosition[v];
        for (int x = _head[v]; x < position; x++)
        {
            if (_pairStarted[order[x]])
            {
                continue;
            }
            int later = 1;
            for (int k = 0; k < busy.Length; k++)
            {
                if (busy[k] && at[k] > x)
                {
                    later++;
                }
            }
            if (_demand[v][x] + later > Slots[v])
            {
                return false;
            }
        }
        return true;
    }

    // Ahead of program order while the pairs jumped over keep their qubits.
    private bool Cautious(int v, int position, bool wanted)
    {
        int head = _head[v];
        int jumpers = 0;
        for (int k = 0; k < _slotBusy[v].Length; k++)
        {
            if (_slotBusy[v][k] && _slotPosition[v][k] > head)
            {
                jumpers++;
            }
        }
        int reserve = 0, skipped = 0;
        var order = _order[v];
        int end = Math.Max(position, _maxStarted[v]);
        for (int x = head; x < end; x++)
        {
            if (!_pairStarted[order[x]])
            {
                reserve = Math.Max(reserve, _demand[v][x]);
                skipped++;
            }
        }
        // A pair its gate does not want yet jumps only when qubits are plentiful: one more is left for every pair skipped.
        return jumpers + 1 + reserve + (wanted ? 0 : skipped) <= Slots[v];
    }

    private void Take(int v, int position, int occ)
    {
        _maxStarted[v] = Math.Max(_maxStarted[v], position);
        var busy = _slotBusy[v];
        int slot = Array.IndexOf(busy, false);
        busy[slot] = true;
        _slotPosition[v][slot] = position;
        OccSlot[occ] = slot;
        _free[v]--;
        PeakComm[v] = Math.Max(PeakComm[v], Slots[v] - _free[v]);
        var order = _order[v];
        while (_head[v] < order.Length && _pairStarted[order[_head[v]]])
        {
            _head[v]++;
        }
    }
}
