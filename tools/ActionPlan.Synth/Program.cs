// Usage: dotnet run --project tools/ActionPlan.Synth -- <source input/> <target folder> <items> [seed]
if (args.Length < 3 || !int.TryParse(args[2], out var items))
{
    Console.Error.WriteLine("usage: ActionPlan.Synth <source input dir> <target dir> <items> [seed]");
    return 2;
}
ActionPlan.Synth.SyntheticPlan.Write(args[0], args[1], items, args.Length > 3 ? int.Parse(args[3]) : 1);
Console.WriteLine($"{items} items written to {args[1]}");
return 0;
