// The distribution functions of IEEE 1364-2005 17.9.2 and $random with a seed: each call
// updates its seed variable.
module top;
  integer seed, i, v, sum;
  reg [31:0] rseed;
  time tseed;
  initial begin
    seed = 1;
    for (i = 0; i < 6; i = i + 1) begin
      v = $dist_uniform(seed, -10, 10);
      $display("uniform %0d seed %0d", v, seed);
    end
    seed = 2;
    for (i = 0; i < 6; i = i + 1) begin
      v = $dist_normal(seed, 100, 15);
      $display("normal %0d seed %0d", v, seed);
    end
    seed = 3;
    for (i = 0; i < 6; i = i + 1) $display("exponential %0d", $dist_exponential(seed, 50));
    seed = 4;
    for (i = 0; i < 6; i = i + 1) $display("poisson %0d", $dist_poisson(seed, 7));
    seed = 5;
    for (i = 0; i < 6; i = i + 1) $display("chi_square %0d", $dist_chi_square(seed, 3));
    for (i = 0; i < 6; i = i + 1) $display("chi_square4 %0d", $dist_chi_square(seed, 4));
    seed = 6;
    for (i = 0; i < 6; i = i + 1) $display("t %0d", $dist_t(seed, 2));
    seed = 7;
    for (i = 0; i < 6; i = i + 1) $display("erlang %0d", $dist_erlang(seed, 3, 20));
    seed = 0;
    $display("uniform0 %0d %0d", $dist_uniform(seed, 0, 1000), seed);
    seed = -123;
    $display("uniform_full %0d", $dist_uniform(seed, -2147483648, 2147483647));
    $display("uniform_top %0d", $dist_uniform(seed, 5, 2147483647));
    $display("uniform_empty %0d", $dist_uniform(seed, 9, 3));
    sum = 0;
    seed = 11;
    for (i = 0; i < 1000; i = i + 1) sum = sum + $dist_normal(seed, 0, 100);
    $display("normal sum %0d seed %0d", sum, seed);
    rseed = 99;
    tseed = 99;
    seed = 99;
    for (i = 0; i < 3; i = i + 1)
      $display("random %0d %0d %0d | %0d %0d %0d", $random(seed), $random(rseed),
               $random(tseed), seed, rseed, tseed);
    rseed = 5;
    $display("dist on reg %0d %0d", $dist_poisson(rseed, 3), rseed);
  end
endmodule
