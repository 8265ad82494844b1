// The feature modules the host composes: each registers itself with one Add...Module() and maps its routes with one
// Map...Endpoints() (see Program.cs).
global using Diskominfo.Newsroom.Archive;
global using Diskominfo.Newsroom.Audit;
global using Diskominfo.Newsroom.Backup;
global using Diskominfo.Newsroom.Calendar;
global using Diskominfo.Newsroom.Comments;
global using Diskominfo.Newsroom.Content;
global using Diskominfo.Newsroom.Coordination;
global using Diskominfo.Newsroom.Coverage;
global using Diskominfo.Newsroom.Editorial;
global using Diskominfo.Newsroom.Media;
global using Diskominfo.Newsroom.Notifications;
global using Diskominfo.Newsroom.Operations;
global using Diskominfo.Newsroom.Organization;
global using Diskominfo.Newsroom.Publishing;
global using Diskominfo.Newsroom.Reports;
global using Diskominfo.Newsroom.Search;
global using Diskominfo.Newsroom.Theme;
global using Diskominfo.Newsroom.Users;
