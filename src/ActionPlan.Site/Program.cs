using System.Text;
using ActionPlan.Site.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
return await App.RunAsync(args, Console.Out, Console.Error);
