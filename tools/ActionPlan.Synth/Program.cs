// Usage:
//   dotnet run --project tools/ActionPlan.Synth -- <source input/> <target folder> <items> [seed]     ActionPlan.Site input
//   dotnet run --project tools/ActionPlan.Synth -- --hugo <target folder> <items> [seed]             the same plan as a Hugo site
if (args.Length >= 3 && args[0] == "--hugo" && int.TryParse(args[2], out var hugoItems))
{
    ActionPlan.Synth.HugoCorpus.Write(args[1], hugoItems, args.Length > 3 ? int.Parse(args[3]) : 1);
    Console.WriteLine($"{hugoItems} items written to {args[1]} (Hugo)");
    return 0;
}
if (args.Length < 3 || !int.TryParse(args[2], out var items))
{
    Console.Error.WriteLine("usage: ActionPlan.Synth <source input dir> <target dir> <items> [seed] | --hugo <target dir> <items> [seed]");
    return 2;
}
ActionPlan.Synth.SyntheticPlan.Write(args[0], args[1], items, args.Length > 3 ? int.Parse(args[3]) : 1);
Console.WriteLine($"{items} items written to {args[1]}");
return 0;
