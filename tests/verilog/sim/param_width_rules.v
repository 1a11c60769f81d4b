// An unranged parameter takes the width and sign of its value; a ranged one converts to its range.
module top;
  parameter P = 8'hFF;
  parameter Q = -3;
  parameter [3:0] R = 5'h1F;
  parameter signed [7:0] S = 8'hF0;
  parameter STR = "ok";
  parameter real PR = 2.5;
  parameter PI = PR * 2;
  initial begin
    $display("%0d %0d %0d %0d", P + 1, Q, R, S);
    $display("%h %b", P + 1'b1, Q < 0);
    $display("%s %0d", STR, STR);
    $display("%f %f", PR, PI);
    $display("%0d", R + 1'b1);
  end
endmodule
