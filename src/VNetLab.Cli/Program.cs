using VNetLab.Cli;

return VNetLabCli.Run(args, Console.Out, Console.Error);
