using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Whether an account may sign in at all: every sign-in path of Identity asks this first. A disabled one may not.</summary>
internal sealed class ActiveAccountConfirmation : IUserConfirmation<NewsroomUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<NewsroomUser> manager, NewsroomUser user) => Task.FromResult(!user.Disabled);
}
