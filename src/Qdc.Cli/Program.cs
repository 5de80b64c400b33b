using Qdc.Cli;

return QdcCommand.Run(args, Console.Out, Console.Error);
