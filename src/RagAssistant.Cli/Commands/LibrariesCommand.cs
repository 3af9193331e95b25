using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Access;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag libraries list|add NAME [--description TEXT]|grant LIBRARY (--user NAME | --role ROLE) [--write]|revoke LIBRARY (--user NAME | --role ROLE) [--db FILE]</c>:
/// libraries and who may read or write them (audited as actor "local").
/// </summary>
internal static class LibrariesCommand
{
    public static Command Create() => new("libraries", "Manage libraries and their read/write grants to users and roles")
    {
        List(), Add(), Grant(), Revoke(),
    };

    private static Command List()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("list", "List libraries with their document counts and grants") { db, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var libraries = await services.GetRequiredService<LibraryAccess>().ListAsync(ct);
            if (parse.GetValue(json))
                JsonOutput.Write(new LibraryListJson(libraries.Select(l => new LibraryJson(l.Name, l.Description, l.Documents,
                    l.Grants.Select(g => new GrantJson(g.SubjectKind, g.Subject, g.Access)).ToList())).ToList()));
            else AccountsOutput.WriteLibraries(libraries);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "Library name" };
        var description = new Option<string?>("--description") { Description = "What the library holds", HelpName = "TEXT" };
        var db = CommonOptions.Db();
        var command = new Command("add", "Add an (empty) library") { name, description, db };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var library = parse.GetValue(name)!.Trim();
            await services.GetRequiredService<LibraryAccess>().AddAsync(library, parse.GetValue(description), UsersCommand.Actor, ct);
            Console.Out.WriteLine($"added library {library}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Grant()
    {
        var (library, user, role) = Subject();
        var write = new Option<bool>("--write") { Description = "Also upload, delete and re-index (Editors); default: read only" };
        var db = CommonOptions.Db();
        var command = new Command("grant", "Let a user or every user of a role read (or, with --write, write) a library") { library, user, role, write, db };
        command.Validators.Add(r => RequireOneSubject(r, user, role));
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var (kind, subject) = SubjectOf(parse, user, role);
            var access = parse.GetValue(write) ? GrantAccess.Write : GrantAccess.Read;
            var name = parse.GetValue(library)!.Trim();
            await services.GetRequiredService<LibraryAccess>().GrantAsync(name, kind, subject, access, UsersCommand.Actor, ct);
            Console.Out.WriteLine($"granted {access} on {name} to {kind} {subject}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var (library, user, role) = Subject();
        var db = CommonOptions.Db();
        var command = new Command("revoke", "Remove a user's or role's grant on a library") { library, user, role, db };
        command.Validators.Add(r => RequireOneSubject(r, user, role));
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var (kind, subject) = SubjectOf(parse, user, role);
            var name = parse.GetValue(library)!.Trim();
            if (!await services.GetRequiredService<LibraryAccess>().RevokeAsync(name, kind, subject, UsersCommand.Actor, ct))
                throw new CommandException($"library '{name}' has no grant to {kind} '{subject}'");
            Console.Out.WriteLine($"revoked {kind} {subject}'s grant on {name}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static (Argument<string> Library, Option<string?> User, Option<string?> Role) Subject()
    {
        var library = new Argument<string>("LIBRARY") { Description = "Library name" };
        var user = new Option<string?>("--user") { Description = "The user the grant is for", HelpName = "NAME" };
        var role = new Option<string?>("--role") { Description = "The role the grant is for (every user of it)", HelpName = RoleOption.HelpName };
        role.Validators.Add(r => RoleOption.Validate(r, "--role", r.GetValue(role)));
        return (library, user, role);
    }

    /// <summary>A grant is to exactly one subject: a user or a role.</summary>
    private static void RequireOneSubject(CommandResult result, Option<string?> user, Option<string?> role)
    {
        var hasUser = result.GetValue(user) is not null;
        var hasRole = result.GetValue(role) is not null;
        if (hasUser && hasRole) result.AddError("give either --user NAME or --role ROLE, not both");
        else if (!hasUser && !hasRole) result.AddError("give --user NAME or --role ROLE");
    }

    private static (string Kind, string Subject) SubjectOf(ParseResult parse, Option<string?> user, Option<string?> role) =>
        parse.GetValue(user) is { } userName
            ? (GrantSubject.User, userName.Trim())
            : (GrantSubject.Role, Roles.Parse(parse.GetValue(role))!);
}
