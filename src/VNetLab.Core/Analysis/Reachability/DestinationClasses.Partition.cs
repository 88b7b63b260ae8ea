namespace VNetLab.Analysis.Reachability;

internal sealed partial class DestinationClasses
{
    /// <summary>Partition refinement over atom indexes: classes only ever split.</summary>
    private sealed class Partition
    {
        // Scratch for Split only; a partition refined by labels (a sender's table) never needs them.
        private int[]? _hits;
        private int[]? _splitTo;
        private readonly List<int> _sizes;

        public Partition(int count)
        {
            ClassOf = new int[count];
            _sizes = [count];
        }

        private Partition(int[] classOf, int[] hits, int[] splitTo)
        {
            ClassOf = classOf;
            _sizes = [classOf.Length];
            _hits = hits;
            _splitTo = splitTo;
        }

        [ThreadStatic]
        private static int[]? t_classOf;

        [ThreadStatic]
        private static int[]? t_hits;

        [ThreadStatic]
        private static int[]? t_splitTo;

        [ThreadStatic]
        private static Dictionary<(int Class, int Label), int>? t_refineTo;

        [ThreadStatic]
        private static HashSet<int>? t_refineKept;

        /// <summary>
        /// A partition of <paramref name="count"/> atoms in one class over this thread's scratch arrays, valid until the
        /// thread's next scratch partition: for a partition read once and dropped (one region, so one length, per matrix).
        /// </summary>
        public static Partition Scratch(int count)
        {
            if (count == 0)
            {
                return new Partition(0);
            }

            var classOf = t_classOf is { } known && known.Length == count ? known : t_classOf = new int[count];
            Array.Clear(classOf);

            // Split leaves its hits at zero when it finishes, but one ended by an exception would not: cleared here, at
            // the cost of one pass. Split reads a split target only after setting it.
            var hits = t_hits is { } knownHits && knownHits.Length == count ? knownHits : t_hits = new int[count];
            Array.Clear(hits);
            var splitTo = t_splitTo is { } knownSplitTo && knownSplitTo.Length == count ? knownSplitTo : t_splitTo = new int[count];
            return new Partition(classOf, hits, splitTo);
        }

        /// <summary>
        /// A partition to refine further, starting from <paramref name="classOf"/> (which is not changed), in this thread's
        /// scratch like <see cref="Scratch"/>: valid until the thread's next scratch partition.
        /// </summary>
        public static Partition ScratchOf(int[] classOf)
        {
            if (classOf.Length == 0)
            {
                return new Partition(classOf, []);
            }

            var scratch = t_classOf is { } known && known.Length == classOf.Length ? known : t_classOf = new int[classOf.Length];
            classOf.CopyTo(scratch, 0);
            return new Partition(classOf, scratch);
        }

        private Partition(int[] classOf, int[] into)
        {
            ClassOf = into;
            var count = classOf.Length == 0 ? 0 : classOf.Max() + 1;
            // Made zeroed at its size: a sender's refinement is made for each of thousands of tables.
            _sizes = new List<int>(count);
            System.Runtime.InteropServices.CollectionsMarshal.SetCount(_sizes, count);
            foreach (var c in classOf)
            {
                _sizes[c]++;
            }
        }

        public int[] ClassOf { get; }

        /// <summary>Splits every class by "inside <paramref name="covered"/> or not"; costs the atoms covered, not all atoms.</summary>
        public void Split(int[] covered)
        {
            var hits = _hits ??= new int[Math.Max(ClassOf.Length, 1)];
            var splitTo = _splitTo ??= new int[Math.Max(ClassOf.Length, 1)];
            var touched = new List<int>();
            for (var p = 0; p < covered.Length; p += 2)
            {
                for (var k = covered[p]; k <= covered[p + 1]; k++)
                {
                    var c = ClassOf[k];
                    if (hits[c]++ == 0)
                    {
                        touched.Add(c);
                    }
                }
            }

            foreach (var c in touched)
            {
                // A class wholly inside the set does not split.
                splitTo[c] = hits[c] < _sizes[c] ? NewClass() : -1;
            }

            for (var p = 0; p < covered.Length; p += 2)
            {
                for (var k = covered[p]; k <= covered[p + 1]; k++)
                {
                    var c = ClassOf[k];
                    if (splitTo[c] is var to and >= 0)
                    {
                        ClassOf[k] = to;
                        _sizes[c]--;
                        _sizes[to]++;
                    }
                }
            }

            foreach (var c in touched)
            {
                hits[c] = 0;
                splitTo[c] = -1;
            }
        }

        /// <summary>Splits every class by <paramref name="labels"/>: atoms stay together only if their labels are equal.</summary>
        public void Refine(int[] labels)
        {
            // This thread's maps, cleared: a sender's refinement is made for each of thousands of tables.
            var to = t_refineTo ??= [];
            var kept = t_refineKept ??= [];
            to.Clear();
            kept.Clear();
            for (var k = 0; k < ClassOf.Length; k++)
            {
                var c = ClassOf[k];
                if (!to.TryGetValue((c, labels[k]), out var target))
                {
                    // The first label met in a class keeps the class's number; every other label gets a new class.
                    target = kept.Add(c) ? c : NewClass();
                    to.Add((c, labels[k]), target);
                }

                if (target != c)
                {
                    ClassOf[k] = target;
                    _sizes[c]--;
                    _sizes[target]++;
                }
            }
        }

        private int NewClass()
        {
            _sizes.Add(0);
            return _sizes.Count - 1;
        }
    }
}
