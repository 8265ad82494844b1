using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The demo accounts' published password is refused as anyone's new password unless the site runs the demo.</summary>
internal sealed class DemoPasswordValidator(IConfiguration configuration, IHostEnvironment environment) : IPasswordValidator<NewsroomUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<NewsroomUser> manager, NewsroomUser user, string? password)
        => Task.FromResult(
            string.Equals(password, DemoAccounts.Password, StringComparison.Ordinal) && !DemoMode.IsOn(configuration, environment)
                ? IdentityResult.Failed(new IdentityError
                {
                    Code = "DemoPassword",
                    Description = "Kata sandi akun demo tidak boleh dipakai; pilih kata sandi lain.",
                })
                : IdentityResult.Success);
}
