using System.Text.Json;

namespace Qdc.Compiler.Scheduling;

/// <summary>report.json's "schedule" object: per-link pairs and utilisation, peak communication qubits, QPU busy time, success estimate and its causes.</summary>
public static class ScheduleReportJson
{
    public static void WriteObject(Utf8JsonWriter w, Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(schedule);
        var topology = schedule.Topology;
        w.WriteStartObject("schedule");
        w.WriteNumber("estimatedSuccessProbability", schedule.SuccessProbability);
        w.WriteStartObject("links");
        for (int l = 0; l < topology.Links.Length; l++)
        {
            var u = schedule.Links[l];
            w.WriteStartObject(Scheduler.LinkName(topology, l));
            w.WriteNumber("busySeconds", u.BusySeconds);
            w.WriteNumber("deliveredEbits", u.DeliveredEbits);
            w.WriteNumber("distillationRounds", u.Plan.Rounds);
            w.WriteNumber("pairFidelity", u.Plan.Fidelity);
            w.WriteNumber("rawPairs", u.RawPairs);
            w.WriteNumber("utilisation", u.Utilisation);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        // By cause, so a tiny estimate says why (on ms schedules of superconducting QPUs: idling).
        w.WriteStartObject("log10SuccessBy");
        w.WriteNumber("gates", schedule.Success.Log10Gates);
        w.WriteNumber("idle", schedule.Success.Log10Idle);
        w.WriteNumber("pairs", schedule.Success.Log10Pairs);
        w.WriteEndObject();
        w.WriteNumber("log10SuccessProbability", schedule.Log10SuccessProbability);
        w.WriteStartObject("peakCommQubits");
        for (int q = 0; q < topology.QpuCount; q++)
        {
            w.WriteNumber(topology.Qpus[q].Id, schedule.PeakCommQubits[q]);
        }
        w.WriteEndObject();
        w.WriteStartObject("qpuBusySeconds");
        for (int q = 0; q < topology.QpuCount; q++)
        {
            w.WriteNumber(topology.Qpus[q].Id, schedule.QpuBusySeconds[q]);
        }
        w.WriteEndObject();
        w.WriteString("timing", schedule.Timing == EprTiming.Prefetch ? "prefetch" : "on-demand");
        w.WriteStartArray("warnings");
        foreach (var warning in schedule.Warnings)
        {
            w.WriteStringValue(warning);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
