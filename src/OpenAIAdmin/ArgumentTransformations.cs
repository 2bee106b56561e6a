using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Note = (string Id, string Project, object Item);

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Reads a date given as text by the invariant culture, as PowerShell does in scripts and casts. PowerShell binds
    /// text to a compiled cmdlet's date parameter with the current culture: under th-TH '2026-11-01Z' was a Buddhist-era
    /// year (1483), under de-DE '11/01/2026' the 11th of January, so one command asked for other dates on another
    /// machine, silently. Text without an offset is local time, as a DateTime of kind Local would be; values that are
    /// not text pass on unchanged.
    /// </summary>
    public sealed class InvariantTimeAttribute : ArgumentTransformationAttribute
    {
        /// <summary>For a DateTime parameter: the value as a DateTime (text with an offset becomes local time).</summary>
        public bool AsDateTime { get; set; }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text))
            {
                if (value is DateTime local && local.Kind != DateTimeKind.Utc && StartOfLocalDay(local) is DateTime dayStart)
                {
                    return InApiRange(dayStart, dayStart);
                }

                return value is DateTimeOffset || value is DateTime ? InApiRange(inputData, value) : inputData;
            }

            // Text without an offset or Z is a time on this computer's clock.
            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out DateTime wall)
                && wall.Kind == DateTimeKind.Unspecified && StartOfLocalDay(wall) is DateTime start)
            {
                return AsDateTime ? InApiRange(start, start) : InApiRange(new DateTimeOffset(start), start);
            }

            const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeLocal;
            if (AsDateTime && DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out DateTime dateTime))
            {
                return InApiRange(dateTime, dateTime);
            }

            if (!AsDateTime && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out DateTimeOffset instant))
            {
                return InApiRange(instant, instant);
            }

            throw new ArgumentTransformationMetadataException(
                $"'{ErrorRecords.Shorten(text)}' is not a date and time. Write it as 2026-11-01 (local midnight), 2026-11-01Z (midnight UTC) "
                + "or 2026-11-01T08:00+01:00; it reads the same in every culture.");
        }

        /// <summary>
        /// A local time the clocks skip when daylight saving time begins (02:30 on a spring night in New York) names no
        /// instant. .NET reads it as standard time, so a range of 02:30 to 03:30 became two equal instants ("-EndTime must
        /// be after -StartTime", both 07:30 UTC), and 02:30 to 04:00 silently lost half an hour.
        /// </summary>
        /// <remarks>
        /// Where the clocks go forward at midnight (Santiago, Cairo, Havana), a day's midnight does not exist either, and a
        /// date alone (2026-09-06: "local midnight") could not be given for that day: midnight stands for the start of the
        /// day, so it is taken as the first minute the clock shows that day (01:00). Returns that time (kind Local), or
        /// null when <paramref name="wall"/> exists.
        /// </remarks>
        private static DateTime? StartOfLocalDay(DateTime wall)
        {
            DateTime unspecified = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
            if (!TimeZoneInfo.Local.IsInvalidTime(unspecified))
            {
                return null;
            }

            if (unspecified.TimeOfDay != TimeSpan.Zero)
            {
                string shown = unspecified.ToString(unspecified.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                throw new ArgumentTransformationMetadataException(
                    $"{shown} does not exist on this computer's clock ({TimeZoneInfo.Local.Id}): the clocks go forward over it when daylight saving time begins. "
                    + "Give a time outside that gap, or give the time with its offset, or in UTC with a Z.");
            }

            DateTime first = unspecified;
            while (TimeZoneInfo.Local.IsInvalidTime(first))
            {
                first = first.AddMinutes(1);
            }

            return DateTime.SpecifyKind(first, DateTimeKind.Local);
        }

        /// <summary>
        /// The API counts time in seconds since 1970 (UTC): an earlier time (DateTime.MinValue, a year typed short) would
        /// end in an overflow or a negative time. Years are compared, not instants, so MinValue never meets an offset.
        /// </summary>
        private static object InApiRange(object result, object time)
        {
            int year = time is DateTimeOffset instant ? instant.UtcDateTime.Year : ((DateTime)time).Year;
            if (year < 1970)
            {
                string shown = time is DateTimeOffset t ? t.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
                    : ((DateTime)time).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                throw new ArgumentTransformationMetadataException($"{shown} is before 1970: the API's times begin on 1970-01-01 (UTC).");
            }

            return result;
        }
    }

    /// <summary>
    /// Refuses a number with a fraction, or text that is not digits, for a whole-number parameter. PowerShell would round
    /// 10.7 to 11 and read '1.000' (one thousand, written the German way) as 1, silently: one request a minute on a
    /// production model is an outage.
    /// </summary>
    public sealed class WholeNumberAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            bool whole = value switch
            {
                double d => Math.Floor(d) == d,
                float f => Math.Floor(f) == f,
                decimal m => decimal.Truncate(m) == m,
                string text => long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                    CultureInfo.InvariantCulture, out _),
                _ => true,
            };
            if (!whole)
            {
                throw new ArgumentTransformationMetadataException(
                    $"'{ErrorRecords.Shorten(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)}' is not a whole number. "
                    + "Give digits only, without separators or a fraction (1000, not 1.000, 1,000 or 999.5).");
            }

            return inputData;
        }
    }

    /// <summary>
    /// Reads an amount of money given as text by one rule in every culture: digits with an optional decimal point.
    /// PowerShell reads '12,34' (twelve dollars thirty-four, written the German way) as 1234, '0x10' as 16, $true as 1
    /// and an empty CSV cell as 0, silently: a spend limit a hundred times too high, or an alert that fires at once.
    /// Numbers pass on unchanged (the cmdlet checks their range and cents).
    /// </summary>
    public sealed class MoneyAmountAttribute : ArgumentTransformationAttribute
    {
        private const NumberStyles Plain = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
            | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                case decimal _:
                case double _:
                case float _:
                case int _:
                case long _:
                case short _:
                case byte _:
                case uint _:
                case ulong _:
                case ushort _:
                case sbyte _:
                    return inputData;
                case string text when decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out decimal amount):
                    return amount;
            }

            string shown = value is string blank && string.IsNullOrWhiteSpace(blank) ? "(blank)"
                : "'" + ErrorRecords.Shorten(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty) + "'";
            throw new ArgumentTransformationMetadataException(
                $"{shown} is not an amount in dollars. Give digits with an optional decimal point, the same in every culture: "
                + "1234.56, not 1.234,56, 1,234.56 or 12,34.");
        }
    }

    /// <summary>
    /// Takes a set value in the API's spelling ('allow_list' for AllowList), so what a Get- cmdlet returned can be given
    /// back to its Set- cmdlet; [ValidateSet] then checks it and the module spells it as its set does. Only the
    /// spellings given here are read: 'a_l_l_o_w_list' is refused as any other value outside the set.
    /// </summary>
    public sealed class ApiSpellingAttribute : ArgumentTransformationAttribute
    {
        private readonly string[] _spellings;

        public ApiSpellingAttribute(params string[] spellings) => _spellings = spellings;

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is string text && Array.Exists(_spellings, s => string.Equals(s, text.Trim(), StringComparison.OrdinalIgnoreCase))
                ? text.Trim().Replace("_", string.Empty)
                : inputData;
        }
    }

    /// <summary>
    /// Refuses a bare number for a TimeSpan parameter: PowerShell reads 30 as 30 ticks (3 microseconds), so
    /// New-OAIAdminApiKey -ExpiresIn 30 made a key that expired at once. Text ('30.00:00:00') and TimeSpans pass on.
    /// </summary>
    public sealed class TimeSpanArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is int || value is long || value is double || value is float || value is decimal || value is short || value is byte)
            {
                throw new ArgumentTransformationMetadataException(
                    $"A bare number ({Convert.ToString(value, CultureInfo.InvariantCulture)}) is not a length of time: PowerShell would read it as ticks "
                    + "(ten millionths of a second). Give New-TimeSpan -Days 30, or text such as '30.00:00:00' (30 days) or '01:00:00' (one hour).");
            }

            return inputData;
        }
    }
    /// <summary>
    /// On the -Id of a change whose project is optional (Enable-/Disable-OAICertificate, Remove-OAISpendAlert): notes each
    /// module object of a project that PowerShell is about to make its id text, so that <see cref="PipelineInputGuard"/>
    /// can refuse one given as the argument (<c>Disable-OAICertificate -Id $projectCertificate</c> lost its project and
    /// deactivated the certificate in the organization), or by a script block run per record (<c>-Id { $c }</c>). It
    /// does not refuse here: PowerShell also runs it while binding pipeline input, where the record keeps its project by
    /// its ProjectId.
    /// </summary>
    public sealed class ProjectObjectIsNotAnIdAttribute : ArgumentTransformationAttribute
    {
        private const int MaxNoted = 100;

        private static readonly System.Reflection.Assembly CoreAssembly = typeof(AdminClient).Assembly;

        /// <summary>What was noted on this thread since the guard last looked.</summary>
        [ThreadStatic]
        private static List<Note>? _noted;

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is System.Collections.IEnumerator enumerator)
            {
                // PowerShell would enumerate it into the ids; enumerated here, it is passed on as the list it held.
                var held = new List<object?>();
                while (enumerator.MoveNext())
                {
                    held.Add(enumerator.Current);
                }

                inputData = value = held.ToArray();
            }

            foreach (object? item in value is System.Collections.IEnumerable items && !(value is string) ? items.Cast<object?>() : new[] { value })
            {
                object? element = item is PSObject inner ? inner.BaseObject : item;
                if (element != null && element.GetType().Assembly == CoreAssembly
                    && element.GetType().GetProperty("ProjectId")?.GetValue(element) is string project && !string.IsNullOrWhiteSpace(project)
                    && element.GetType().GetProperty("Id")?.GetValue(element) is string id)
                {
                    _noted ??= new List<Note>();
                    if (_noted.Count >= MaxNoted)
                    {
                        _noted.RemoveAt(0);
                    }

                    _noted.Add((id, project, element));
                }
            }

            return inputData;
        }

        /// <summary>Takes the notes of these ids (all notes when <paramref name="ids"/> is null).</summary>
        internal static List<Note> Take(ICollection<string>? ids)
        {
            var taken = new List<Note>();
            if (_noted == null)
            {
                return taken;
            }

            taken.AddRange(_noted.Where(note => ids == null || ids.Contains(note.Id)));
            _noted.RemoveAll(note => ids == null || ids.Contains(note.Id));
            return taken;
        }

        /// <summary>The notes there are now, left in place.</summary>
        internal static List<Note> Peek() => _noted == null ? new List<Note>() : new List<Note>(_noted);
    }
}
