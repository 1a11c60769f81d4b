// $random with a seed variable gives the reproducible sequence of the standard algorithm and updates the seed.
module top;
  integer seed, i, r;
  initial begin
    seed = 42;
    for (i = 0; i < 5; i = i + 1) begin
      r = $random(seed);
      $display("%0d %0d", r, seed);
    end
    seed = -7;
    for (i = 0; i < 3; i = i + 1) $display("%0d", $random(seed) % 10);
  end
endmodule
